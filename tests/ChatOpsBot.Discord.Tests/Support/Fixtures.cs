using System.Text.Json;

namespace ChatOpsBot.Discord.Tests.Support;

/// <summary>The shared Discord fixtures, linked from ../shared/fixtures/discord and copied beside the tests.</summary>
internal static class Fixtures
{
    public static string Directory
    {
        get
        {
            var directory = Path.Combine(AppContext.BaseDirectory, "Fixtures", "discord");
            if (!System.IO.Directory.Exists(directory) || !File.Exists(Path.Combine(directory, "SOURCES.md")))
            {
                throw new InvalidOperationException(
                    $"The shared Discord fixtures are missing from '{directory}'. They are linked from ../shared/fixtures/discord " +
                    "(a 'shared' checkout beside the repository, as CI provides); check that it exists and rebuild the test project.");
            }

            return directory;
        }
    }

    public static string PathOf(string name)
    {
        var path = Path.Combine(Directory, name);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The shared Discord fixture '{name}' is missing from '{Directory}'.");
        }

        return path;
    }

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static JsonDocument Json(string name) => JsonDocument.Parse(Bytes(name));
}
