using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Contract.Tests.Support;

/// <summary>
/// One moto server (<c>python3 -m moto.server</c>) on a free loopback port for the whole test collection, seeded by
/// <c>moto/seed.py</c>. When python3, moto or boto3 is missing, <see cref="UnavailableReason"/> says so and every
/// test skips with it; a server that starts but fails to seed fails the tests.
/// </summary>
public sealed partial class MotoServer : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SeedTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _log = new();
    private readonly Lock _logGate = new();
    private Process? _server;
    private SeededEstate? _estate;
    private Uri? _endpoint;

    /// <summary>Why moto cannot run here (python3, moto or boto3 missing), or null when it runs.</summary>
    public string? UnavailableReason { get; private set; }

    /// <summary>The moto version reported by the interpreter.</summary>
    public string MotoVersion { get; private set; } = "unknown";

    public Uri Endpoint => _endpoint ?? throw new InvalidOperationException("moto is not running.");

    public SeededEstate Estate => _estate ?? throw new InvalidOperationException("moto was not seeded.");

    /// <summary>Everything moto wrote to stdout and stderr so far (tracebacks of unimplemented actions included).</summary>
    public string Log
    {
        get
        {
            lock (_logGate)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Skips the calling test when moto cannot run on this machine.</summary>
    public void SkipIfUnavailable() => Skip.If(UnavailableReason is not null, UnavailableReason);

    /// <summary>The Python exception lines (<c>NotImplementedError: The x action has not been implemented</c>,
    /// <c>TypeError: ...</c>) moto logged after <paramref name="logOffset"/> (a former <see cref="Log"/> length):
    /// the reason behind an HTTP 500 it answered.</summary>
    public IReadOnlyList<string> PythonErrorsSince(int logOffset) =>
        [.. Log[logOffset..].Split('\n').Select(l => l.Trim()).Where(l => PythonError().IsMatch(l)).Distinct(StringComparer.Ordinal)];

    public async Task InitializeAsync()
    {
        var probe = await RunPythonAsync(
            ["-c", "import moto, boto3, flask; print(moto.__version__)"], ProbeTimeout).ConfigureAwait(false);
        if (probe.Missing is { } missing)
        {
            UnavailableReason = missing;
            return;
        }

        if (probe.ExitCode != 0)
        {
            var error = probe.Stderr.Trim().Split('\n').LastOrDefault()?.Trim();
            UnavailableReason = $"python3 cannot import moto, boto3 and flask (moto[server]): {error}";
            return;
        }

        MotoVersion = probe.Stdout.Trim();
        var port = FreeLoopbackPort();
        _endpoint = new Uri($"http://127.0.0.1:{port}/");
        _server = StartServer(port);
        await WaitUntilAnsweringAsync().ConfigureAwait(false);

        var seed = Path.Combine(AppContext.BaseDirectory, "moto", "seed.py");
        var seeded = await RunPythonAsync([seed, _endpoint.ToString().TrimEnd('/')], SeedTimeout).ConfigureAwait(false);
        if (seeded.ExitCode != 0)
        {
            throw new InvalidOperationException($"moto/seed.py failed (exit {seeded.ExitCode}):\n{seeded.Stderr}\nmoto log:\n{Log}");
        }

        _estate = JsonSerializer.Deserialize<SeededEstate>(seeded.Stdout, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidOperationException("moto/seed.py printed no JSON.");
    }

    public async Task DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }

        try
        {
            if (!_server.HasExited)
            {
                _server.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _server.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
        }
        finally
        {
            _server.Dispose();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ProcessStartInfo PythonStartInfo(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing inherited may point boto3 at real AWS: the seed passes endpoint and keys explicitly.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToArray())
        {
            start.Environment.Remove(key);
        }

        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["PYTHONUNBUFFERED"] = "1";
        return start;
    }

    private static async Task<PythonRun> RunPythonAsync(IEnumerable<string> arguments, TimeSpan timeout)
    {
        Process process;
        try
        {
            process = Process.Start(PythonStartInfo(arguments))!;
        }
        catch (Win32Exception ex)
        {
            return new PythonRun(-1, string.Empty, string.Empty, $"python3 is not available on PATH ({ex.Message}).");
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"python3 {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds} s.");
            }

            return new PythonRun(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), null);
        }
    }

    private Process StartServer(int port)
    {
        var process = new Process
        {
            StartInfo = PythonStartInfo(["-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]),
        };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logGate)
        {
            _log.AppendLine(line);
        }
    }

    /// <summary>Polls moto's own API until it answers 200, the process exits, or the bounded timeout passes.</summary>
    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        var probe = new Uri(Endpoint, "moto-api/");
        while (deadline.Elapsed < StartTimeout)
        {
            if (_server!.HasExited)
            {
                throw new InvalidOperationException($"moto.server exited with code {_server.ExitCode} before answering:\n{Log}");
            }

            try
            {
                using var response = await http.GetAsync(probe).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100)).ConfigureAwait(false);
        }

        throw new TimeoutException($"moto.server did not answer on {Endpoint} within {StartTimeout.TotalSeconds} s:\n{Log}");
    }

    [GeneratedRegex(@"^[A-Za-z_.]*(Error|Exception): ", RegexOptions.CultureInvariant)]
    private static partial Regex PythonError();
}
