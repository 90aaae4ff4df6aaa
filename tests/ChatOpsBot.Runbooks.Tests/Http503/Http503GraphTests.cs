using ChatOpsBot.Runbooks.Http503;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Runbooks.Tests.Http503;

public sealed class Http503GraphTests
{
    [Fact]
    public void Graph_DocsFileMatchesTheMachineInCode()
    {
        var path = Path.Combine(RepoPaths.Root, "docs", "runbooks", "503.mmd");
        var graph = Http503Runbook.Graph();
        if (RepoPaths.Bless)
        {
            File.WriteAllText(path, graph);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests with CHATOPSBOT_BLESS=1 to write it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), graph);
    }

    [Fact]
    public void Graph_NamesEveryCheckAndTheGuardsThatSkipThem()
    {
        var graph = Http503Runbook.Graph();
        foreach (var state in Enum.GetNames<Http503State>())
        {
            Assert.Contains(state, graph, StringComparison.Ordinal);
        }

        Assert.Contains("no target in service to check", graph, StringComparison.Ordinal);
        Assert.Contains("classic or gateway load balancer", graph, StringComparison.Ordinal);
    }
}
