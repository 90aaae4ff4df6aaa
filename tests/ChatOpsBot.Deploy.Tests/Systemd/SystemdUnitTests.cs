using ChatOpsBot.Deploy.Tests.Support;

namespace ChatOpsBot.Deploy.Tests.Systemd;

/// <summary>deploy/systemd/chatopsbot.service: the options systemd will apply, as it reads them (last assignment wins).</summary>
public sealed class SystemdUnitTests
{
    private readonly SystemdUnit _unit = SystemdUnit.Load(DeployPaths.Deploy("systemd", "chatopsbot.service"));

    [Fact]
    public void Service_StartsTheBotsServeVerb()
    {
        var exec = _unit.Value("Service", "ExecStart");
        Assert.NotNull(exec);
        Assert.Matches(@"^/\S+/dotnet /opt/chatopsbot/chatopsbot\.dll serve( |$)", exec);
        Assert.Equal("/opt/chatopsbot", _unit.Value("Service", "WorkingDirectory"));
        Assert.Equal("multi-user.target", _unit.Value("Install", "WantedBy"));
    }

    [Fact]
    public void Service_RunsUnprivilegedWithTheHardeningOptionsSet()
    {
        var user = _unit.Value("Service", "User");
        Assert.True(_unit.Value("Service", "DynamicUser") == "yes" || (user is not null && user != "root" && user != "0"), "run as DynamicUser=yes or a dedicated User, never root");

        var expected = new Dictionary<string, string>
        {
            ["NoNewPrivileges"] = "yes",
            ["ProtectSystem"] = "strict",
            ["ProtectHome"] = "yes",
            ["PrivateTmp"] = "yes",
            ["PrivateDevices"] = "yes",
            ["CapabilityBoundingSet"] = "",
            ["RestrictSUIDSGID"] = "yes",
            ["RestrictNamespaces"] = "yes",
            ["ProtectKernelTunables"] = "yes",
            ["ProtectKernelModules"] = "yes",
            ["ProtectControlGroups"] = "yes",
            ["LockPersonality"] = "yes",
            ["SystemCallArchitectures"] = "native",
        };
        foreach (var (key, value) in expected)
        {
            Assert.True(_unit.Value("Service", key) == value, $"{key} is '{_unit.Value("Service", key)}', expected '{value}'");
        }

        var families = _unit.Value("Service", "RestrictAddressFamilies")?.Split(' ') ?? [];
        Assert.Contains("AF_INET", families);
        Assert.Contains("AF_INET6", families);
        Assert.DoesNotContain("AF_PACKET", families);
        Assert.Equal("@system-service", _unit.Values("Service", "SystemCallFilter").FirstOrDefault());
        Assert.NotEqual("yes", _unit.Value("Service", "MemoryDenyWriteExecute")); // the JIT writes executable code
    }

    [Fact]
    public void SqliteDatabase_LivesInTheStateDirectory()
    {
        var state = _unit.Value("Service", "StateDirectory");
        Assert.Equal("chatopsbot", state);

        // The bot writes $XDG_DATA_HOME/chatopsbot/transcripts.db; StateDirectory= makes /var/lib/chatopsbot the one
        // writable directory under ProtectSystem=strict.
        var environment = _unit.Environment;
        Assert.Equal("/var/lib", environment["XDG_DATA_HOME"]);
        Assert.Equal("sqlite", environment.GetValueOrDefault("Transcripts__Provider", "sqlite"));
        Assert.False(environment.ContainsKey("Transcripts__SqlitePath"), "Transcripts__SqlitePath would move the database out of the StateDirectory");
    }

    [Fact]
    public void Secrets_ComeFromAnEnvironmentFileNotTheUnit()
    {
        var file = _unit.Value("Service", "EnvironmentFile");
        Assert.NotNull(file);
        Assert.StartsWith("/etc/chatopsbot/", file.TrimStart('-'), StringComparison.Ordinal);
        Assert.False(file.StartsWith('-'), "a missing secrets file must fail the start, not be ignored");

        foreach (var secret in new[] { "Discord__BotToken", "Transcripts__PostgresConnectionString", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN" })
        {
            Assert.False(_unit.Environment.ContainsKey(secret), $"{secret} is a secret: put it in {file} (mode 0600), not in the unit");
        }

        var example = File.ReadAllLines(DeployPaths.Deploy("systemd", "chatopsbot.env.example"));
        Assert.Contains(example, l => l.StartsWith("Discord__BotToken=REPLACE-ME", StringComparison.Ordinal));
        Assert.Contains(example, l => l.Contains("0600", StringComparison.Ordinal));
    }

    [Fact]
    public void Shutdown_SendsSigtermAndWaitsLongerThanTheBotsGracePeriod()
    {
        Assert.Equal("SIGTERM", _unit.Value("Service", "KillSignal"));
        var grace = DeployFacts.ParseGracePeriod(_unit.Environment["Shutdown__GracePeriod"]);
        var stop = TimeSpan.FromSeconds(int.Parse(_unit.Value("Service", "TimeoutStopSec")!, System.Globalization.CultureInfo.InvariantCulture));
        DeployFacts.AssertOutlastsGrace(grace, stop, "TimeoutStopSec");
    }

    [SkippableFact]
    public async Task SystemdAnalyzeVerify_AcceptsEveryLineOfTheUnit()
    {
        var tool = ExternalTool.Find("systemd-analyze");
        Skip.If(tool is null, "systemd-analyze is not installed");
        var path = DeployPaths.Deploy("systemd", "chatopsbot.service");

        var (exitCode, stdout, stderr) = await ExternalTool.RunAsync(tool, "verify", path);

        // systemd ignores a value it cannot parse with a warning (and exit code 0), so the warnings are the test.
        var warnings = (stdout + stderr).Split('\n').Where(l => l.Contains("chatopsbot.service", StringComparison.Ordinal)).Distinct().ToArray();
        Assert.True(exitCode == 0 && warnings.Length == 0, $"systemd-analyze verify (exit {exitCode}):\n{string.Join('\n', warnings)}\n{stderr}");
    }

    [Fact]
    public void Failures_RestartWithALimitInsteadOfLooping()
    {
        Assert.Equal("on-failure", _unit.Value("Service", "Restart"));
        Assert.NotNull(_unit.Value("Service", "RestartSec"));
        Assert.True(int.Parse(_unit.Value("Unit", "StartLimitBurst") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0, "StartLimitBurst belongs in [Unit]");
        Assert.NotNull(_unit.Value("Unit", "StartLimitIntervalSec"));
        Assert.Empty(_unit.Values("Service", "StartLimitBurst")); // ignored there by current systemd
    }
}
