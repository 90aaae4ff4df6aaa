namespace ChatOpsBot.Runbooks.Tests.Support;

/// <summary>Locates files of the repository from a test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChatOpsBot.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("ChatOpsBot.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Set CHATOPSBOT_BLESS=1 to rewrite golden files from the code instead of comparing.</summary>
    public static bool Bless => Environment.GetEnvironmentVariable("CHATOPSBOT_BLESS") == "1";
}
