using ChatOpsBot.Aws;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Runbooks.Charts;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Http503;
using ChatOpsBot.Runbooks.Rendering;
using ChatOpsBot.Simulation;

namespace ChatOpsBot.Cli;

/// <summary><c>diagnose 503 &lt;lb&gt;</c>: runs the runbook against AWS (or the simulator), prints the report and keeps
/// the session as a transcript (unless <c>--no-record</c>).</summary>
internal sealed class DiagnoseCommand(Terminal terminal, TimeProvider time, IReadOnlyDictionary<string, string?>? configuration = null)
{
    public async Task<int> RunAsync(DiagnoseOptions options, CancellationToken cancellationToken)
    {
        if (options.ChartsDirectory is { } chartsDirectory)
        {
            try
            {
                Directory.CreateDirectory(chartsDirectory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                await terminal.Error.WriteLineAsync($"--charts: cannot create the directory '{chartsDirectory}': {e.Message}");
                return ExitCodes.BadInput;
            }
        }

        SimulatedEnvironment? simulated = null;
        TerminalSessionRecorder? recorder = null;
        try
        {
            AwsConnectionSettings settings;
            if (options.Simulate)
            {
                try
                {
                    simulated = await SimulatedEnvironment.StartAsync(options.Scenario, null, cancellationToken);
                }
                catch (Exception e) when (e is ArgumentException or InvalidDataException)
                {
                    var message = e is ArgumentException { ParamName: { } p } ? e.Message.Replace($" (Parameter '{p}')", string.Empty, StringComparison.Ordinal) : e.Message;
                    await terminal.Error.WriteLineAsync($"{message} Run `scenarios` to list the built-in ones.");
                    return ExitCodes.BadInput;
                }

                await terminal.Error.WriteLineAsync($"Simulated AWS: scenario '{simulated.Aws.Scenario.Name}' at {simulated.Aws.BaseUrl} (region {simulated.Aws.Region}); no real AWS account is used.");
                if (options.Region is { } r && r != simulated.Aws.Region)
                {
                    await terminal.Error.WriteLineAsync($"--region {r} ignored: the scenario lives in {simulated.Aws.Region}.");
                }

                settings = simulated.Settings;
            }
            else
            {
                settings = new AwsConnectionSettings { Region = options.Region, Profile = options.Profile, DnsServer = options.DnsServer };
            }

            if (options.OnInstance is not null)
            {
                settings = settings.With(instanceProbeEnabled: true);
            }

            var identifier = LoadBalancerIdentifier.Parse(options.LoadBalancer, out _);
            var loaded = CliConfiguration.Load(configuration);
            AwsEvidenceSet evidence;
            string? account;
            try
            {
                settings = AwsAccountsConfiguration.Apply(settings, loaded);
                account = settings.ResolveAccount(options.Account);
                evidence = AwsEvidence.Create(settings, time, identifier?.Region, account: account);
            }
            catch (UnknownAccountException e)
            {
                await terminal.Error.WriteLineAsync($"--account: {e.Message}");
                return ExitCodes.BadInput;
            }
            catch (ArgumentException e)
            {
                await terminal.Error.WriteLineAsync($"AWS is not configured: {e.Message}");
                return ExitCodes.AwsAccess;
            }

            if (account is not null)
            {
                await terminal.Error.WriteLineAsync($"Account '{account}': assuming {settings.Accounts[account].RoleArn} with STS.");
            }

            using (evidence)
            {
                var runbook = new Http503Runbook(evidence.Sources(), time);
                var request = new DiagnosisRequest(options.Symptom, options.LoadBalancer, evidence.Region, options.Since, OnInstance: options.OnInstance, Account: account);
                IDiagnosisObserver observer = new TerminalProgress(terminal.Error);
                if (options.Record)
                {
                    recorder = await TerminalSessionRecorder.StartAsync(
                        TranscriptCommand.StoreOptions(loaded, options.Database),
                        request,
                        simulated?.Aws.Scenario.Name,
                        observer,
                        terminal.Error,
                        time);
                    observer = recorder;
                }

                var (report, session) = await runbook.RunWithSessionAsync(request, observer, cancellationToken);
                await terminal.Out.WriteAsync(options.Output switch
                {
                    OutputFormat.Json => ReportJson.Write(report) + "\n",
                    OutputFormat.Markdown => ReportMarkdown.Write(report),
                    _ => TextReport.Write(report, terminal.Color),
                });
                await terminal.Out.FlushAsync(cancellationToken);
                var charts = recorder is not null || options.ChartsDirectory is not null ? Http503Charts.Build(session) : [];
                if (recorder is not null)
                {
                    await recorder.FinishedAsync(report, charts);
                }

                if (options.ChartsDirectory is { } directory)
                {
                    await WriteChartsAsync(charts, directory, cancellationToken);
                }

                return report.Outcome switch
                {
                    DiagnosisOutcome.Diagnosed => ExitCodes.Diagnosed,
                    DiagnosisOutcome.BadInput => ExitCodes.BadInput,
                    DiagnosisOutcome.Unsupported => ExitCodes.Unsupported,
                    _ => ExitCodes.AwsAccess,
                };
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await terminal.Error.WriteLineAsync("Interrupted.");
            if (recorder is not null)
            {
                await recorder.InterruptedAsync();
            }

            return ExitCodes.Cancelled;
        }
        catch (EvidenceException e)
        {
            await terminal.Error.WriteLineAsync($"AWS failed: {e.Message}");
            if (recorder is not null)
            {
                await recorder.FailedAsync(e.Message);
            }

            return ExitCodes.AwsAccess;
        }
        finally
        {
            if (recorder is not null)
            {
                await recorder.ReportAsync();
                await recorder.DisposeAsync();
            }

            if (simulated is not null)
            {
                await simulated.DisposeAsync();
            }
        }
    }

    /// <summary>Writes one PNG per chart the finding calls for and names each file on stderr.</summary>
    private async Task WriteChartsAsync(IReadOnlyList<ChartSpec> charts, string directory, CancellationToken cancellationToken)
    {
        if (charts.Count == 0)
        {
            await terminal.Error.WriteLineAsync("No charts: the diagnosis read no metrics.");
            return;
        }

        foreach (var path in await ChartFiles.WriteAsync(charts, directory, cancellationToken))
        {
            await terminal.Error.WriteLineAsync($"Chart: {path}");
        }
    }
}
