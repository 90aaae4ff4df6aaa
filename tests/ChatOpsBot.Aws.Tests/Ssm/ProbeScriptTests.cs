using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using ChatOpsBot.Aws.Ssm;
using ChatOpsBot.Runbooks.Evidence.Instances;

namespace ChatOpsBot.Aws.Tests.Ssm;

/// <summary>
/// Runs the real probe script with bash and dash (sh) on this Linux machine against real listeners, and parses
/// what it prints: the script is proven on a real host, not only against our own simulator.
/// </summary>
public sealed class ProbeScriptTests
{
    public static TheoryData<string> Shells() => new() { "bash", "sh" };

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Script_ListenerOnAllInterfaces_ReportsSocketAndLocalAnswerWithTheLoadBalancersHost(string shell)
    {
        await using var app = await HealthEndpoint.StartAsync(IPAddress.Any, 200);
        var ip = LocalIPv4();

        var (facts, truncated, _) = await RunAsync(shell, Request(app.Port, [new InstanceProbeTarget("i-1", ip, $"{ip}:{app.Port}"), new InstanceProbeTarget("i-2", "10.255.255.254", $"10.255.255.254:{app.Port}")]));

        Assert.False(truncated);
        Assert.Equal(ListeningState.AllInterfaces, facts.Listening);
        Assert.Equal(200, facts.Http!.StatusCode);
        Assert.Equal($"{ip}:{app.Port}", facts.Http.HostHeader);
        var seen = Assert.Single(app.Requests);
        Assert.Equal("/healthz", seen.Path);
        Assert.Equal($"{ip}:{app.Port}", seen.Host);
        Assert.Equal("ELB-HealthChecker/2.0", seen.UserAgent);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Script_ListenerOnLoopbackOnly_ReportsLoopbackOnly(string shell)
    {
        await using var app = await HealthEndpoint.StartAsync(IPAddress.Loopback, 200);

        var (facts, _, _) = await RunAsync(shell, Request(app.Port));

        Assert.Equal(ListeningState.LoopbackOnly, facts.Listening);
        Assert.Contains($"127.0.0.1:{app.Port}", facts.ListenAddresses);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Script_ClosedPort_ReportsNothingListeningAndRefused(string shell)
    {
        var port = FreePort();

        var (facts, _, _) = await RunAsync(shell, Request(port));

        Assert.Equal(ListeningState.None, facts.Listening);
        Assert.Null(facts.Http!.StatusCode);
        Assert.True(facts.Http.Refused, facts.Http.Error);
    }

    [Fact]
    public async Task Script_WrongCodeAndSlowAnswer_ReportsCodeAndTimeout()
    {
        await using var notFound = await HealthEndpoint.StartAsync(IPAddress.Any, 404);
        await using var slow = await HealthEndpoint.StartAsync(IPAddress.Any, 200, TimeSpan.FromSeconds(5));

        var (missing, _, _) = await RunAsync("bash", Request(notFound.Port));
        var (hanging, _, _) = await RunAsync("bash", Request(slow.Port) with { HealthCheckTimeout = TimeSpan.FromSeconds(1) });

        Assert.Equal(404, missing.Http!.StatusCode);
        Assert.Null(hanging.Http!.StatusCode);
        Assert.True(hanging.Http.TimedOut, hanging.Http.Error);
    }

    [Fact]
    public async Task Script_Dependencies_ResolvableAndNot()
    {
        var request = Request(FreePort()) with { Options = new InstanceProbeOptions(DependencyHosts: ["localhost", "no-such-host.invalid"]) };

        var (facts, _, _) = await RunAsync("bash", request);

        Assert.Collection(
            facts.Dependencies,
            d => Assert.True(d.Resolves && d.Host == "localhost" && d.Addresses.Count > 0),
            d => Assert.False(d.Resolves));
    }

    [Fact]
    public async Task Script_MissingLogFile_ReportedUnreadableNotAsNoLogs()
    {
        var request = Request(FreePort()) with { Options = new InstanceProbeOptions(LogPath: "/nonexistent/chatopsbot/app.log", LogLines: 5) };

        var (facts, _, _) = await RunAsync("bash", request);

        Assert.True(facts.LogUnreadable);
        Assert.Empty(facts.LogLines);
    }

    [Fact]
    public async Task Script_LogFile_LastLinesScrubbedOfSecrets()
    {
        var log = Path.GetTempFileName();
        await File.WriteAllLinesAsync(log, [
            "old line that falls out of the tail",
            "connecting with password=hunter2 to db",
            "using key AKIAIOSFODNN7EXAMPLE",
            "Authorization: Bearer abcdef0123456789",
            "GET postgres://app:s3cret@db.internal:5432/orders",
            "started on :8080",
        ]);
        try
        {
            var request = Request(FreePort()) with { Options = new InstanceProbeOptions(LogPath: log, LogLines: 5) };

            var (facts, _, stdout) = await RunAsync("bash", request);

            Assert.Equal(5, facts.LogLines.Count);
            Assert.Equal("started on :8080", facts.LogLines[^1]);
            var all = string.Join("\n", facts.LogLines);
            Assert.DoesNotContain("hunter2", all, StringComparison.Ordinal);
            Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", all, StringComparison.Ordinal);
            Assert.DoesNotContain("abcdef0123456789", all, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cret", all, StringComparison.Ordinal);
            Assert.Contains("hunter2", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Script_HostileValues_AreDataNotCode(string shell)
    {
        await using var app = await HealthEndpoint.StartAsync(IPAddress.Any, 200);
        var dir = Directory.CreateTempSubdirectory("probe-");
        try
        {
            var mark = Path.Combine(dir.FullName, "pwned");
            var hostilePath = $"/h'$(touch {mark})`touch {mark}`\"";
            var request = Request(app.Port) with
            {
                HealthCheckPath = hostilePath.Replace(" ", "", StringComparison.Ordinal),
                Options = new InstanceProbeOptions(ServiceName: $"x';touch${{IFS}}{mark};'", LogPath: $"/tmp/none'; touch {mark}; echo '"),
            };

            var (facts, _, _) = await RunAsync(shell, request, workingDirectory: dir.FullName);

            Assert.False(File.Exists(mark), "a value from the request ran as a command");
            Assert.Equal(200, facts.Http!.StatusCode);
            Assert.StartsWith("/h'$(touch", Uri.UnescapeDataString(Assert.Single(app.Requests).Path), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    private static InstanceProbeRequest Request(int port, IReadOnlyList<InstanceProbeTarget>? targets = null) => new(
        targets ?? [new InstanceProbeTarget("i-1", null, null)],
        port,
        "HTTP",
        "/healthz",
        "200",
        TimeSpan.FromSeconds(5),
        new InstanceProbeOptions());

    private static async Task<(InstanceFacts Facts, bool Truncated, string Stdout)> RunAsync(string shell, InstanceProbeRequest request, string? workingDirectory = null)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, ProbeScript.Build(request));
        try
        {
            var start = new ProcessStartInfo(shell) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? Path.GetTempPath() };
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(cts.Token);
            var output = await stdout;
            Assert.True(process.ExitCode == 0, $"{shell} exited {process.ExitCode}: {await stderr}\n{output}");
            var (facts, truncated) = ProbeOutput.Parse(output);
            Assert.True(facts is not null, $"no probe output: {output}\n{await stderr}");
            return (facts, truncated, output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string LocalIPv4() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .First(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            .ToString();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
