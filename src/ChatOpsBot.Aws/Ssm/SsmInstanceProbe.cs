using System.Globalization;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ChatOpsBot.Aws.Errors;
using ChatOpsBot.Aws.Sdk;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Evidence.Instances;

namespace ChatOpsBot.Aws.Ssm;

/// <summary>
/// <see cref="IInstanceProbe"/> through Run Command: one <c>SendCommand</c> (AWS-RunShellScript with the read-only
/// <see cref="ProbeScript"/>) for all instances, then <c>GetCommandInvocation</c> per instance with backoff until each
/// finishes or the overall timeout passes. Calls only ssm:SendCommand and ssm:GetCommandInvocation.
/// </summary>
internal sealed class SsmInstanceProbe(IAmazonSimpleSystemsManagement ssm, SdkCallRunner runner, TimeProvider time) : IInstanceProbe
{
    public const string DocumentName = "AWS-RunShellScript";

    public const string Comment = "ChatOpsBot read-only 503 probe (changes nothing)";

    /// <summary>Delays between polls of one invocation: quick at first (most probes finish in seconds), then capped.</summary>
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)];

    public async Task<IReadOnlyList<InstanceProbeOutcome>> ProbeAsync(InstanceProbeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ids = request.Targets.Select(t => t.InstanceId).Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0)
        {
            return [];
        }

        var invalid = request.Options.Validate();
        if (invalid is not null || ids.Length > InstanceProbeOptions.MaxInstancesLimit)
        {
            var why = invalid ?? $"one probe takes at most {InstanceProbeOptions.MaxInstancesLimit} instances (got {ids.Length}).";
            return [.. ids.Select(id => new InstanceProbeOutcome(id, InstanceProbeStatus.Failed, "not sent: " + why, false, null))];
        }

        var timeout = request.Options.EffectiveTimeout;
        using var budget = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, cancellationToken);
        var script = ProbeScript.Build(request);
        var sent = await SendAsync(ids, script, timeout, linked.Token, cancellationToken).ConfigureAwait(false);
        var outcomes = await Task.WhenAll(sent.Select(s => s.CommandId is { } commandId
            ? PollAsync(s.InstanceId, commandId, timeout, linked.Token, cancellationToken)
            : Task.FromResult(s.Failure!))).ConfigureAwait(false);
        return outcomes;
    }

    /// <summary>One SendCommand for all; if SSM rejects the batch because some instance is not managed
    /// (InvalidInstanceId) or IAM denies it (a policy may allow SendCommand only on some instances, by tag), each
    /// instance is sent on its own so the reachable ones are still probed.</summary>
    private async Task<List<Sent>> SendAsync(string[] ids, string script, TimeSpan timeout, CancellationToken budget, CancellationToken caller)
    {
        try
        {
            var commandId = await SendOneAsync(ids, script, timeout, budget).ConfigureAwait(false);
            return [.. ids.Select(id => new Sent(id, commandId, null))];
        }
        catch (EvidenceException ex) when ((IsInvalidInstance(ex) || ex.Kind == EvidenceFailureKind.AccessDenied) && ids.Length > 1)
        {
            var singles = await Task.WhenAll(ids.Select(async id =>
            {
                try
                {
                    return new Sent(id, await SendOneAsync([id], script, timeout, budget).ConfigureAwait(false), null);
                }
                catch (EvidenceException inner)
                {
                    return new Sent(id, null, SendFailure(id, inner));
                }
                catch (OperationCanceledException) when (!caller.IsCancellationRequested)
                {
                    return new Sent(id, null, TimedOut(id, timeout, null, "SendCommand did not answer"));
                }
            })).ConfigureAwait(false);
            return [.. singles];
        }
        catch (EvidenceException ex)
        {
            return [.. ids.Select(id => new Sent(id, null, SendFailure(id, ex)))];
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            return [.. ids.Select(id => new Sent(id, null, TimedOut(id, timeout, null, "SendCommand did not answer")))];
        }
    }

    private async Task<string> SendOneAsync(string[] ids, string script, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var seconds = (int)Math.Ceiling(timeout.TotalSeconds);
        var response = await runner.RunAsync(
            "SendCommand",
            ct => ssm.SendCommandAsync(
                new SendCommandRequest
                {
                    DocumentName = DocumentName,
                    InstanceIds = [.. ids],
                    Comment = Comment,
                    TimeoutSeconds = Math.Max(30, seconds),
                    Parameters = new Dictionary<string, List<string>>
                    {
                        ["commands"] = [script],
                        ["executionTimeout"] = [seconds.ToString(CultureInfo.InvariantCulture)],
                    },
                },
                ct),
            cancellationToken).ConfigureAwait(false);
        return response.Command?.CommandId is { Length: > 0 } id
            ? id
            : throw new EvidenceException(EvidenceFailureKind.Unavailable, "ssm", "SendCommand", null, "Systems Manager accepted the command but returned no command id.");
    }

    private async Task<InstanceProbeOutcome> PollAsync(string instanceId, string commandId, TimeSpan timeout, CancellationToken budget, CancellationToken caller)
    {
        string? last = null;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await Task.Delay(Backoff[Math.Min(attempt, Backoff.Length - 1)], time, budget).ConfigureAwait(false);
                var invocation = await runner.RunAsync(
                    "GetCommandInvocation",
                    ct => ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest { CommandId = commandId, InstanceId = instanceId }, ct),
                    budget).ConfigureAwait(false);
                last = invocation.Status?.Value;
                if (Finished(instanceId, commandId, invocation) is { } outcome)
                {
                    return outcome;
                }
            }
            catch (EvidenceException ex) when (string.Equals(ex.ErrorCode, "InvocationDoesNotExist", StringComparison.Ordinal)
                || ex.Kind is EvidenceFailureKind.Throttled or EvidenceFailureKind.Unavailable)
            {
                // Right after SendCommand the invocation may not exist yet; throttling and outages may pass: poll on.
                last ??= ex.ErrorCode;
            }
            catch (EvidenceException ex)
            {
                return new InstanceProbeOutcome(
                    instanceId,
                    ex.Kind == EvidenceFailureKind.AccessDenied ? InstanceProbeStatus.AccessDenied : InstanceProbeStatus.Failed,
                    $"GetCommandInvocation failed for command {commandId}: {ex.Message}",
                    false,
                    null,
                    ex);
            }
            catch (OperationCanceledException) when (!caller.IsCancellationRequested)
            {
                return TimedOut(instanceId, timeout, commandId, last is null ? "no status yet" : $"last status {last}");
            }
        }
    }

    private static InstanceProbeOutcome? Finished(string instanceId, string commandId, GetCommandInvocationResponse invocation)
    {
        var status = invocation.Status?.Value;
        var details = invocation.StatusDetails;
        if (status is null or "Pending" or "InProgress" or "Delayed" or "Cancelling")
        {
            return null;
        }

        var (facts, truncated) = ProbeOutput.Parse(invocation.StandardOutputContent);
        var stderr = AwsErrorMessages.Redact(invocation.StandardErrorContent);
        return status switch
        {
            "Success" when facts is not null => new InstanceProbeOutcome(instanceId, InstanceProbeStatus.Success, null, truncated, facts),
            "Success" => new InstanceProbeOutcome(instanceId, InstanceProbeStatus.Failed, $"the command {commandId} succeeded but printed no probe output{(stderr is null ? "" : ": " + stderr)}", false, null),
            "Failed" when details is "Undeliverable" or "Terminated" or "InvalidPlatform" => new InstanceProbeOutcome(
                instanceId, InstanceProbeStatus.Undeliverable, $"Systems Manager could not run the command ({details}): the agent is unreachable, the instance stopped, or it is not Linux", false, null),
            "TimedOut" when details is "DeliveryTimedOut" => new InstanceProbeOutcome(
                instanceId, InstanceProbeStatus.Undeliverable, "the SSM agent did not pick the command up in time (DeliveryTimedOut): check the agent is running and can reach Systems Manager", false, null),
            "TimedOut" => new InstanceProbeOutcome(instanceId, InstanceProbeStatus.TimedOut, $"the script exceeded its executionTimeout ({details ?? "ExecutionTimedOut"})", truncated, facts),
            _ => new InstanceProbeOutcome(
                instanceId,
                InstanceProbeStatus.Failed,
                $"the command {commandId} ended {status}{(string.IsNullOrEmpty(details) || details == status ? "" : $" ({details})")}, exit code {(invocation.ResponseCode ?? -1).ToString(CultureInfo.InvariantCulture)}{(stderr is null ? "" : ": " + stderr)}",
                truncated,
                facts),
        };
    }

    private static InstanceProbeOutcome SendFailure(string instanceId, EvidenceException ex) =>
        IsInvalidInstance(ex)
            ? new InstanceProbeOutcome(instanceId, InstanceProbeStatus.NotManaged, "Systems Manager does not manage this instance or its agent is offline (InvalidInstanceId on SendCommand)", false, null)
            : new InstanceProbeOutcome(
                instanceId,
                ex.Kind == EvidenceFailureKind.AccessDenied ? InstanceProbeStatus.AccessDenied : InstanceProbeStatus.Failed,
                ex.Kind == EvidenceFailureKind.AccessDenied ? $"the bot may not call {ex.IamAction} ({ex.Message})" : ex.Message,
                false,
                null,
                ex);

    private static InstanceProbeOutcome TimedOut(string instanceId, TimeSpan timeout, string? commandId, string state) =>
        new(instanceId, InstanceProbeStatus.TimedOut,
            $"no result within {timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s ({state})"
                + (commandId is null ? "" : $"; command {commandId} stops on the instance at its executionTimeout"),
            false, null);

    private static bool IsInvalidInstance(EvidenceException ex) => string.Equals(ex.ErrorCode, "InvalidInstanceId", StringComparison.Ordinal);

    private sealed record Sent(string InstanceId, string? CommandId, InstanceProbeOutcome? Failure);
}
