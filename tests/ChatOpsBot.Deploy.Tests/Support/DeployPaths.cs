using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Deploy.Tests.Support;

/// <summary>The deployment artifacts under test, in the repository's deploy/ folder.</summary>
internal static class DeployPaths
{
    public static string Root => RepoPaths.Root;

    public static string Deploy(params string[] parts) => Path.Combine([RepoPaths.Root, "deploy", .. parts]);
}
