using System.Text.RegularExpressions;
using System.Xml.Linq;
using ChatOpsBot.Deploy.Tests.Support;

namespace ChatOpsBot.Deploy.Tests.Container;

/// <summary>deploy/container/Dockerfile and .dockerignore, read as `docker build` reads them (no Docker engine here).</summary>
public sealed class DockerfileTests
{
    private readonly Dockerfile _file = DeployFacts.Image;

    [Fact]
    public void Build_IsMultiStage_SdkBuildsAndARuntimeImageRuns()
    {
        Assert.True(_file.StageCount >= 2, "the image must be multi-stage: build with the SDK, run on the runtime image");
        var images = _file.Instructions.Where(i => i.Keyword == "FROM").Select(i => _file.ExpandGlobalArgs(i.Arguments.Split(' ')[0])).ToArray();

        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", images[0], StringComparison.Ordinal);
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/(aspnet|runtime-deps|runtime):10\.0", images[^1]);
        Assert.DoesNotContain("/sdk", images[^1], StringComparison.Ordinal);

        var build = _file.Stage(0).Where(i => i.Keyword == "RUN").Select(i => i.Arguments).ToArray();
        Assert.Contains(build, r => Regex.IsMatch(r, @"dotnet publish .*-c Release"));
        Assert.Contains(_file.FinalStage, i => i.Keyword == "COPY" && i.Arguments.Contains("--from=build", StringComparison.Ordinal));
        Assert.DoesNotContain(_file.FinalStage, i => i.Keyword == "COPY" && !i.Arguments.Contains("--from=", StringComparison.Ordinal));
    }

    [Fact]
    public void FinalStage_RunsAsANumericNonRootUser()
    {
        var user = _file.FinalStage.LastOrDefault(i => i.Keyword == "USER");
        Assert.NotNull(user);
        Assert.Matches(@"^\d+(:\d+)?$", user.Arguments);
        Assert.NotEqual(0, DeployFacts.ImageUid);

        // Nothing after USER may need root.
        Assert.DoesNotContain(_file.FinalStage, i => i.Line > user.Line && i.Keyword == "RUN");
    }

    [Fact]
    public void FinalStage_ExposesThePortItListensOnAndChecksHealthz()
    {
        Assert.Equal(8080, DeployFacts.ContainerPort);
        var env = string.Join(' ', _file.FinalStage.Where(i => i.Keyword == "ENV").Select(i => i.Arguments));
        Assert.Contains($"Urls=http://0.0.0.0:{DeployFacts.ContainerPort}", env, StringComparison.Ordinal);

        var check = _file.FinalStage.SingleOrDefault(i => i.Keyword == "HEALTHCHECK");
        Assert.NotNull(check);
        Assert.Contains($"/dev/tcp/127.0.0.1/{DeployFacts.ContainerPort}", check.Arguments, StringComparison.Ordinal);
        Assert.Contains($"GET {DeployFacts.LivenessPath} ", check.Arguments, StringComparison.Ordinal);
        Assert.Contains(" CMD [\"bash\"", check.Arguments, StringComparison.Ordinal); // exec form: bash exists in the aspnet image, curl does not
    }

    [Fact]
    public void FinalStage_WritesOnlyToItsDeclaredVolume()
    {
        var volume = _file.FinalStage.Single(i => i.Keyword == "VOLUME").Arguments;
        Assert.Contains("/var/lib/chatopsbot", volume, StringComparison.Ordinal);

        // SQLite lives in $XDG_DATA_HOME/chatopsbot: that must be the volume, or a read-only root fails on first write.
        var env = string.Join(' ', _file.FinalStage.Where(i => i.Keyword == "ENV").Select(i => i.Arguments));
        Assert.Contains("XDG_DATA_HOME=/var/lib ", env + " ", StringComparison.Ordinal);
        Assert.Contains("DOTNET_EnableDiagnostics=0", env, StringComparison.Ordinal);
    }

    [Fact]
    public void FinalStage_InstallsAFontForTheCharts_AndLeavesNoPackageLists()
    {
        // The same packages .ci/run installs for the chart tests: the native renderer carries no font of its own.
        var ci = File.ReadAllText(Path.Combine(DeployPaths.Root, ".ci", "run"));
        var install = _file.FinalStage.Where(i => i.Keyword == "RUN").Select(i => i.Arguments).SingleOrDefault(r => r.Contains("apt-get install", StringComparison.Ordinal));
        Assert.NotNull(install);
        foreach (var package in new[] { "fonts-dejavu-core", "fontconfig" })
        {
            Assert.Contains(package, ci, StringComparison.Ordinal);
            Assert.Contains(package, install, StringComparison.Ordinal);
        }

        Assert.Contains("--no-install-recommends", install, StringComparison.Ordinal);
        Assert.Contains("rm -rf /var/lib/apt/lists/*", install, StringComparison.Ordinal);
    }

    [Fact]
    public void Entrypoint_RunsTheBotsAssembly()
    {
        var project = XDocument.Load(Path.Combine(DeployPaths.Root, "src", "ChatOpsBot", "ChatOpsBot.csproj"));
        var assembly = project.Descendants("AssemblyName").Single().Value;

        var entrypoint = _file.FinalStage.Single(i => i.Keyword == "ENTRYPOINT").Arguments;
        Assert.Contains($"\"/app/{assembly}.dll\"", entrypoint, StringComparison.Ordinal);
        Assert.Equal("[\"serve\"]", _file.FinalStage.Single(i => i.Keyword == "CMD").Arguments);
    }

    [Fact]
    public void RestoreLayer_CopiesEveryProjectTheBotReferences()
    {
        var copied = _file.Stage(0).Where(i => i.Keyword == "COPY").SelectMany(i => i.Arguments.Split(' ')[..^1]).ToHashSet(StringComparer.Ordinal);
        foreach (var project in ProjectClosure("src/ChatOpsBot/ChatOpsBot.csproj"))
        {
            Assert.True(copied.Contains(project), $"the Dockerfile's restore layer does not COPY {project}: `dotnet restore` in the image will fail");
        }

        foreach (var source in copied.Where(s => !s.StartsWith("--", StringComparison.Ordinal)))
        {
            Assert.True(File.Exists(Path.Combine(DeployPaths.Root, source)) || Directory.Exists(Path.Combine(DeployPaths.Root, source)), $"COPY {source}: no such path in the repository");
        }
    }

    [Fact]
    public void DockerIgnore_KeepsBuildOutputsGitAndSecretsOutOfTheContext()
    {
        var patterns = File.ReadAllLines(Path.Combine(DeployPaths.Root, ".dockerignore"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);

        foreach (var required in new[] { "**/bin/", "**/obj/", ".git/", "*.db", "**/*.env" })
        {
            Assert.Contains(required, patterns);
        }

        // Whatever the Dockerfile copies must survive the ignore file.
        Assert.DoesNotContain("src/", patterns);
        Assert.DoesNotContain("eng/", patterns);
    }

    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([project]);
        while (queue.TryDequeue(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(current)!;
            foreach (var reference in XDocument.Load(Path.Combine(DeployPaths.Root, current)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(DeployPaths.Root, directory, reference.Attribute("Include")!.Value));
                queue.Enqueue(Path.GetRelativePath(DeployPaths.Root, full).Replace('\\', '/'));
            }
        }

        return seen;
    }
}
