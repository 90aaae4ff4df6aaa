using System.Diagnostics;

namespace ChatOpsBot.EndToEnd.Tests.Support;

/// <summary>Runs the built chatopsbot as a separate process with a controlled environment (nothing inherited
/// that could point it at real AWS: HOME, AWS_* and the metadata endpoints are replaced). XDG_DATA_HOME is the
/// throw-away home too, so a recorded <c>diagnose</c> lands there unless the test's environment says otherwise.</summary>
internal static class ChildProcess
{
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "chatopsbot.dll");
        Assert.True(File.Exists(dll), $"{dll} not built");
        var home = Directory.CreateTempSubdirectory("chatopsbot-home-");
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(dll);
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }

            foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToArray())
            {
                start.Environment.Remove(key);
            }

            start.Environment["HOME"] = home.FullName;
            start.Environment["XDG_DATA_HOME"] = Path.Combine(home.FullName, ".local", "share");
            foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Transcripts__", StringComparison.OrdinalIgnoreCase)).ToArray())
            {
                start.Environment.Remove(key);
            }

            start.Environment["AWS_CONFIG_FILE"] = Path.Combine(home.FullName, "no-config");
            start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home.FullName, "no-credentials");
            start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
            start.Environment["NO_COLOR"] = "1";
            foreach (var (k, v) in environment)
            {
                start.Environment[k] = v;
            }

            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);
            return new CliRun(process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}
