using System.Text.Json.Nodes;
using ChatOpsBot.Simulator.Scenarios;

namespace ChatOpsBot.EndToEnd.Tests.Support;

/// <summary>The simulator's scenario files, and copies of them with injected faults for a child-process bot
/// (<c>serve --simulate FILE</c>).</summary>
internal static class ScenarioFiles
{
    public static string PathOf(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChatOpsBot.sln")))
        {
            dir = dir.Parent;
        }

        _ = ScenarioCatalog.Names;
        return Path.Combine(dir!.FullName, "src", "ChatOpsBot.Simulator", "Scenarios", name + ".json");
    }

    /// <summary>Writes scenario <paramref name="name"/> with <paramref name="faults"/> into <paramref name="directory"/>; returns the file.</summary>
    public static async Task<string> WithFaultsAsync(DirectoryInfo directory, string name, params JsonObject[] faults)
    {
        var scenario = JsonNode.Parse(await File.ReadAllTextAsync(PathOf(name)))!.AsObject();
        scenario["faults"] = new JsonArray([.. faults]);
        var file = Path.Combine(directory.FullName, $"{name}-faults.json");
        await File.WriteAllTextAsync(file, scenario.ToJsonString());
        return file;
    }

    /// <summary>The settings a child-process bot needs to talk to <paramref name="discord"/> and keep its transcripts in <paramref name="work"/>.</summary>
    public static Dictionary<string, string> BotEnvironment(ChatOpsBot.Testing.FakeDiscord discord, DirectoryInfo work) => new()
    {
        ["Discord__ApplicationId"] = discord.ApplicationId,
        ["Discord__PublicKey"] = discord.PublicKeyHex,
        ["Discord__BotToken"] = discord.BotToken,
        ["Discord__ApiBaseUrl"] = discord.ApiBaseUrl.ToString(),
        ["Discord__ReplicaId"] = "replica-a",
        ["Discord__ProgressEditInterval"] = "00:00:00.050",
        ["Transcripts__Provider"] = "sqlite",
        ["Transcripts__SqlitePath"] = Path.Combine(work.FullName, "transcripts.db"),
    };
}
