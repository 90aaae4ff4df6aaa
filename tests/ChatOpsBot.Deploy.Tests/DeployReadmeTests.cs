using System.Text.RegularExpressions;
using ChatOpsBot.Deploy.Tests.Support;

namespace ChatOpsBot.Deploy.Tests;

/// <summary>deploy/README.md walks a newcomer through files that must exist under the names it uses.</summary>
public sealed partial class DeployReadmeTests
{
    [Fact]
    public void RelativeLinksAndArtifactPaths_PointAtFilesThatExist()
    {
        var readme = File.ReadAllText(DeployPaths.Deploy("README.md"));

        var links = LinkPattern().Matches(readme).Select(m => m.Groups[1].Value).Where(l => !l.Contains("://", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.True(File.Exists(DeployPaths.Deploy(l.Split('#')[0])), $"deploy/README.md links to {l}, which does not exist"));

        var paths = PathPattern().Matches(readme).Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.All(paths, p => Assert.True(
            File.Exists(DeployPaths.Deploy(p)) || Directory.Exists(DeployPaths.Deploy(p)) || File.Exists(Path.Combine(DeployPaths.Root, p)) || Directory.Exists(Path.Combine(DeployPaths.Root, p)),
            $"deploy/README.md names {p}, which does not exist"));

        Assert.Contains("(../README.md#run-it-in-discord)", readme, StringComparison.Ordinal);
        Assert.Contains("## Run it in Discord", File.ReadAllText(Path.Combine(DeployPaths.Root, "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void MainReadme_LinksTheDeployGuideAndTheProbePolicyFromItsAwsSection()
    {
        var readme = File.ReadAllText(Path.Combine(DeployPaths.Root, "README.md"));
        var start = readme.IndexOf("## AWS access", StringComparison.Ordinal);
        Assert.True(start >= 0, "the main README has no '## AWS access' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];

        Assert.Contains("(deploy/README.md)", section, StringComparison.Ordinal);
        Assert.Contains("(deploy/iam/chatopsbot-ssm-probe.json)", section, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkPattern();

    /// <summary>Paths written in backticks that look like repository files (container/Dockerfile, iam/x.json...).</summary>
    [GeneratedRegex(@"`((?:deploy/|container/|kubernetes/|systemd/|ecs/|iam/)[\w./-]+\.(?:json|yaml|service|example|md)|(?:container|kubernetes|systemd|ecs|iam)/[\w.-]+)`")]
    private static partial Regex PathPattern();
}
