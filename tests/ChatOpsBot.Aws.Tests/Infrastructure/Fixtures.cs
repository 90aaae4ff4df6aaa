namespace ChatOpsBot.Aws.Tests.Infrastructure;

/// <summary>The real AWS XML samples from <c>shared/fixtures/aws</c>, copied beside the test assembly.</summary>
public static class Fixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "fixtures", "aws");

    public static string Read(string relativePath)
    {
        var path = Path.Combine(Directory, relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The AWS fixture '{relativePath}' is missing from {Directory}. The test project links ../../../shared/fixtures/aws/**: "
                + "check that the shared folder sits beside the repository.",
                path);
        }

        return File.ReadAllText(path);
    }
}
