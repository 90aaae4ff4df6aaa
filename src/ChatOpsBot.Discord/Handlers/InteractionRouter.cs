using ChatOpsBot.Discord.Commands;
using ChatOpsBot.Discord.Components;
using ChatOpsBot.Discord.Configuration;
using ChatOpsBot.Discord.Hosting;
using ChatOpsBot.Discord.Interactions;
using ChatOpsBot.Discord.Rendering;
using ChatOpsBot.Discord.Rest;
using ChatOpsBot.Discord.Sessions;
using ChatOpsBot.Runbooks.Charts;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Messaging;
using ChatOpsBot.Runbooks.Sessions;
using ChatOpsBot.Runbooks.Sessions.Export;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Discord.Handlers;

/// <summary>
/// Answers every interaction within Discord's 3 seconds: slash commands with a deferred response (the work runs on
/// the queue), autocomplete from a cached list, buttons by loading their session by id. Anything that cannot be
/// done becomes a clear private (ephemeral) message, never an error.
/// </summary>
public sealed partial class InteractionRouter(
    AccessPolicy access,
    ISessionStore sessions,
    ITranscriptStore store,
    WorkQueue queue,
    DiagnosisRunner runner,
    LoadBalancerNameCache names,
    IDiscordRestClient rest,
    IEvidenceSourcesProvider evidence,
    IOptions<DiscordOptions> options,
    IOptions<InstanceProbeSettings> probe,
    TimeProvider time,
    ILogger<InteractionRouter> logger,
    IChartImageRenderer? chartRenderer = null)
{
    public async Task<InteractionReply> RouteAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        // A button names its session in its custom id: everything logged while handling the click is about that session.
        var button = interaction.Type == InteractionType.MessageComponent ? CustomIdCodec.Decode(interaction.CustomId) : null;
        using var scope = button is null ? null : LogScopes.Session(logger, button.SessionId);
        Received(logger, interaction.Id, interaction.Type.ToString(), string.Join(' ', interaction.CommandPath), interaction.CustomId ?? string.Empty);
        if (access.Refusal(interaction) is { } refusal)
        {
            return interaction.Type == InteractionType.ApplicationCommandAutocomplete
                ? new InteractionReply(CallbackType.ApplicationCommandAutocompleteResult, DiscordRenderer.Choices([]))
                : Private(DiagnosisMessages.Notice("Not allowed here", refusal));
        }

        return interaction.Type switch
        {
            InteractionType.ApplicationCommand => await CommandAsync(interaction, cancellationToken),
            InteractionType.ApplicationCommandAutocomplete => await AutocompleteAsync(interaction, cancellationToken),
            InteractionType.MessageComponent => await ButtonAsync(interaction, button, cancellationToken),
            _ => Private(DiagnosisMessages.Notice("Not supported", "This kind of interaction is not supported.")),
        };
    }

    private async Task<InteractionReply> CommandAsync(Interaction i, CancellationToken cancellationToken)
    {
        var path = i.CommandPath;
        if (path is ["diagnose", "transcript", ..])
        {
            var id = i.Option("id")?.Trim() ?? string.Empty;
            return await sessions.FindAsync(id, cancellationToken) is { } found
                ? await TranscriptAsync(i, found, cancellationToken)
                : Private(DiagnosisMessages.Notice("Session not found", $"No diagnosis session `{id}` is known to this bot."));
        }

        if (path.Count == 2 && path[0] == "diagnose" && Runbooks.Contains(path[1]))
        {
            return await StartDiagnosisAsync(i, path[1], i.Option("lb") ?? string.Empty, i.Option("region"), i.Option("account"), i.User, cancellationToken);
        }

        return Private(DiagnosisMessages.Notice("Unknown command", $"There is no runbook for `/{string.Join(' ', path)}` yet; available: {string.Join(", ", Runbooks.Select(r => "/diagnose " + r))}."));
    }

    /// <summary>The runbooks that /diagnose offers as subcommands.</summary>
    public static IReadOnlyList<string> Runbooks => DiagnoseCommandDefinition.Runbooks;

    private async Task<InteractionReply> StartDiagnosisAsync(
        Interaction i, string runbook, string lb, string? regionOption, string? accountOption, DiscordUser who, CancellationToken cancellationToken)
    {
        lb = lb.Trim();
        if (LoadBalancerIdentifier.Parse(lb, out var error) is not { } id)
        {
            return Private(DiagnosisMessages.Notice("Check the load balancer", error ?? "Name a load balancer."));
        }

        string? account;
        try
        {
            account = evidence.ResolveAccount(accountOption);
        }
        catch (UnknownAccountException e)
        {
            return Private(DiagnosisMessages.Notice("Check the account", e.Message));
        }

        var region = regionOption?.Trim() is { Length: > 0 } r ? r : id.Region ?? evidence.RegionFor(account);
        if (!AwsRegionName.IsWellFormed(region))
        {
            return Private(DiagnosisMessages.Notice("Check the region", $"'{region}' is not an AWS region name such as us-east-1."));
        }

        var request = new DiagnosisRequest(runbook, lb, region, options.Value.DiagnosisWindow, Account: account);
        var session = new DiagnosisSession(SessionIds.New(), request, i, time.GetUtcNow());
        var accountText = account is null ? string.Empty : $" account:{account}";
        session.Record(time.GetUtcNow(), DiagnosisSession.Who(who), $"ran /diagnose {runbook} lb:{lb} region:{region}{accountText} in guild {i.GuildId ?? "(DM)"} channel {i.ChannelId}", TranscriptEntryKind.Click);
        return await EnqueueAsync(session, cancellationToken) ? InteractionReply.Deferred(ephemeral: false) : Busy();
    }

    /// <summary>Stores a new session and queues its diagnosis; false when the queue is full.</summary>
    private async Task<bool> EnqueueAsync(DiagnosisSession session, CancellationToken cancellationToken)
    {
        using var scope = LogScopes.Session(logger, session);
        await sessions.AddAsync(session, cancellationToken);
        return queue.TryEnqueue(runner.WorkFor(session));
    }

    private InteractionReply Busy() => Private(DiagnosisMessages.Notice("Busy", "Too many diagnoses are waiting; try again in a minute."));

    private async Task<InteractionReply> AutocompleteAsync(Interaction i, CancellationToken cancellationToken)
    {
        var focused = i.Focused;
        var typed = focused?.Value ?? string.Empty;
        if (focused?.Name == "account")
        {
            return new InteractionReply(CallbackType.ApplicationCommandAutocompleteResult, DiscordRenderer.Choices(Ranked(evidence.Accounts, typed)));
        }

        if (focused?.Name != "lb")
        {
            return new InteractionReply(CallbackType.ApplicationCommandAutocompleteResult, DiscordRenderer.Choices([]));
        }

        string? account;
        try
        {
            account = evidence.ResolveAccount(i.Option("account"));
        }
        catch (UnknownAccountException)
        {
            // No names to offer for an account this bot does not know; the command itself says why.
            return new InteractionReply(CallbackType.ApplicationCommandAutocompleteResult, DiscordRenderer.Choices([]));
        }

        var region = i.Option("region")?.Trim() is { Length: > 0 } r && AwsRegionName.IsWellFormed(r) ? r : evidence.RegionFor(account);
        var all = await names.NamesAsync(region, account, cancellationToken);
        return new InteractionReply(CallbackType.ApplicationCommandAutocompleteResult, DiscordRenderer.Choices(Ranked(all, typed)));
    }

    /// <summary>The first 25 values containing what was typed, those starting with it first.</summary>
    private static IEnumerable<string> Ranked(IEnumerable<string> all, string typed) =>
        all
            .Where(n => n.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => n.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(n => n, StringComparer.Ordinal)
            .Take(25);

    private async Task<InteractionReply> ButtonAsync(Interaction i, ButtonCommand? command, CancellationToken cancellationToken)
    {
        if (command is null)
        {
            return Private(DiagnosisMessages.Notice("Unknown button", "This button does not belong to a diagnosis this bot knows."));
        }

        if (await sessions.FindAsync(command.SessionId, cancellationToken) is not { } session)
        {
            return Private(DiagnosisMessages.Notice(
                "Session not found",
                $"Diagnosis session `{command.SessionId}` is not known to this bot any more (it may have restarted since). Run `/diagnose 503` again for a fresh diagnosis."));
        }

        var now = time.GetUtcNow();
        session.Record(now, DiagnosisSession.Who(i.User), $"clicked {command.Action}", TranscriptEntryKind.Click);
        var reply = await ButtonActionAsync(i, command, session, now, cancellationToken);
        await sessions.FlushAsync(session, cancellationToken);
        return reply;
    }

    private async Task<InteractionReply> ButtonActionAsync(Interaction i, ButtonCommand command, DiagnosisSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (command.Action)
        {
            case ChatActionKind.ShowEvidence:
                return session.Report is { } report
                    ? Private(DiagnosisMessages.Evidence(report, session.Id), i)
                    : Private(DiagnosisMessages.Notice("Still diagnosing", "The evidence is shown once the diagnosis has finished."));

            case ChatActionKind.Rerun:
                if (session.Marks.ResolvedBy is { } resolver)
                {
                    return Private(DiagnosisMessages.Notice("Already resolved", $"{resolver} marked this incident resolved; run `/diagnose {session.Request.Symptom}` to start a new diagnosis."));
                }

                return await StartDiagnosisAsync(i, session.Request.Symptom, session.Request.LoadBalancer, session.Request.Region, session.Request.Account, i.User, cancellationToken);

            case ChatActionKind.Acknowledge:
                if (!await sessions.AcknowledgeAsync(session, i.User, now, cancellationToken))
                {
                    return Private(DiagnosisMessages.Notice("Already acknowledged", $"{session.Marks.AcknowledgedBy} is already on it (since {session.Marks.AcknowledgedAt:HH:mm} UTC)."));
                }

                return UpdateFindings(session, i, $"Noted: {i.User.DisplayName} is on it.");

            case ChatActionKind.Resolve:
                if (!await sessions.ResolveAsync(session, i.User, now, cancellationToken))
                {
                    return Private(DiagnosisMessages.Notice("Already resolved", $"{session.Marks.ResolvedBy} marked it resolved at {session.Marks.ResolvedAt:HH:mm} UTC."));
                }

                return UpdateFindings(session, i, $"Marked resolved by {i.User.DisplayName}.");

            case ChatActionKind.Transcript:
                return await TranscriptAsync(i, session, cancellationToken);

            case ChatActionKind.CheckInstances:
                return await CheckOnInstancesAsync(i, session, now, cancellationToken);

            default:
                return Private(DiagnosisMessages.Notice("Unknown button", "This button does nothing yet."));
        }
    }

    /// <summary>"Check on instances": the same request again (load balancer, region, window and the rest) with the
    /// read-only on-instance checks, as a new session linked to the clicked one in both transcripts. The reply is
    /// DEFERRED_UPDATE_MESSAGE, so the new session's token edits the clicked message (its <c>@original</c>): live
    /// progress, then the findings with what the instances show and the new session's buttons.</summary>
    private async Task<InteractionReply> CheckOnInstancesAsync(Interaction i, DiagnosisSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = probe.Value;
        if (InstanceCheckRefusal(i, session, settings) is { } refusal)
        {
            session.Record(now, "bot", $"refused on-instance checks to {DiagnosisSession.Who(i.User)}: {refusal}");
            return Private(DiagnosisMessages.Notice("Cannot check on instances", refusal));
        }

        var checks = settings.ToProbeOptions();
        var check = new DiagnosisSession(SessionIds.New(), session.Request with { OnInstance = checks }, i, now);
        check.CarryMarks(session.Marks);
        check.Record(now, DiagnosisSession.Who(i.User), $"clicked Check on instances on session {session.Id}: the same diagnosis with on-instance checks through SSM (at most {checks.MaxInstances} instances)", TranscriptEntryKind.Click);
        if (!await EnqueueAsync(check, cancellationToken))
        {
            session.Record(now, "bot", "on-instance checks not started: too many diagnoses are waiting");
            return Busy();
        }

        session.Record(now, "bot", $"started session {check.Id} with on-instance checks; its findings replace this message");
        return new InteractionReply(CallbackType.DeferredUpdateMessage, null);
    }

    /// <summary>Why this click may not start on-instance checks (a sentence for the user), or null.</summary>
    private static string? InstanceCheckRefusal(Interaction i, DiagnosisSession session, InstanceProbeSettings settings)
    {
        if (!settings.Enabled)
        {
            return "On-instance checks are not enabled on this bot (setting InstanceProbe:Enabled).";
        }

        if (!settings.Allows(i.MemberRoles))
        {
            return "Checking on the instances runs read-only commands on them through SSM, so it needs one of the roles configured for it (InstanceProbe:Roles); ask someone who has one.";
        }

        if (!InstanceProbeSettings.PartOf(session.Request.Symptom))
        {
            return $"On-instance checks are part of the 503 runbook only, not of /diagnose {session.Request.Symptom}.";
        }

        if (session.Marks.ResolvedBy is { } resolver)
        {
            return $"{resolver} marked this incident resolved; run `/diagnose {session.Request.Symptom}` to start a new diagnosis.";
        }

        return session.State switch
        {
            SessionState.Finished when session.Report is { Outcome: DiagnosisOutcome.Diagnosed } => null,
            SessionState.Finished => "This diagnosis did not reach the load balancer's targets, so there are no instances to check on; fix what its findings name and run it again.",
            SessionState.Failed => "This diagnosis did not finish; press Re-run, then check on the instances from its findings.",
            _ => "The diagnosis is still running; press Check on instances once its findings are shown.",
        };
    }

    /// <summary>Re-renders the findings message in place (callback UPDATE_MESSAGE) after an acknowledgement or resolution.
    /// The charts the message already carries are kept by id (read from the clicked message), never uploaded again
    /// nor drawn: the answer is due within Discord's 3 seconds, and a chart missing from the message stays missing.</summary>
    private InteractionReply UpdateFindings(DiagnosisSession session, Interaction click, string noticeIfRunning)
    {
        if (session.Report is not { } report)
        {
            return Private(DiagnosisMessages.Notice("Recorded", noticeIfRunning + " It will show on the findings when the diagnosis finishes.", MessageTone.Neutral));
        }

        var onMessage = click.MessageAttachments ?? [];
        var kept = onMessage
            .Where(a => DiscordRenderer.EmbeddableImage(a.FileName))
            .Take(ChartImages.MaxInChat)
            .Select(a => new ChatImage(a.FileName, string.Empty, null))
            .ToList();
        var payload = DiscordRenderer.Render(DiagnosisMessages.Findings(report, session.Marks, session.Id, probe.Value.Offers(report)) with { Images = kept }, session.Id, existing: onMessage);
        if (payload.Files.Count > 0)
        {
            // A callback cannot carry files inline (a full report re-attached): acknowledge, then edit the clicked
            // message through the click's own token (for a component, @original is the message the button is on).
            var token = click.Token;
            return queue.TryEnqueue(new WorkItem($"update {session.Id}", ct => rest.EditOriginalResponseAsync(token, payload, ct)))
                ? new InteractionReply(CallbackType.DeferredUpdateMessage, null)
                : Busy();
        }

        return new InteractionReply(CallbackType.UpdateMessage, payload.Json);
    }

    private async Task<InteractionReply> TranscriptAsync(Interaction i, DiagnosisSession session, CancellationToken cancellationToken)
    {
        await sessions.FlushAsync(session, cancellationToken);
        if (await store.GetSessionAsync(session.Id, cancellationToken) is not { } record)
        {
            return Private(DiagnosisMessages.Notice("Session not found", $"No diagnosis session `{session.Id}` is known to this bot."));
        }

        var entries = await store.GetEntriesAsync(session.Id, cancellationToken);
        var charts = chartRenderer is null ? [] : await StoredChartsAsync(session.Id, cancellationToken);
        var fileName = $"transcript-{session.Id}.md";
        var message = DiagnosisMessages.Transcript(
            $"Transcript · session {session.Id}",
            $"{record.Runbook} diagnosis of {record.LoadBalancer}, started by {record.StartedByName}; {entries.Count} entries{(charts.Count > 0 ? $", {charts.Count} charts" : string.Empty)}.",
            new ChatDocument(fileName, TranscriptMarkdown.Write(record, entries, TranscriptMarkdown.AttachedCharts(charts))));

        // Drawing takes longer than Discord's 3 seconds allow: the reply is deferred and the charts drawn on the queue.
        var sessionId = session.Id;
        return Reply(
            message,
            i,
            sessionId,
            ephemeral: false,
            charts.Count == 0 ? null : () => message with { Images = ChartPictures.Draw(charts.Take(DiscordLimits.AttachmentsPerMessage - 1), chartRenderer, logger, sessionId) });
    }

    /// <summary>The session's stored charts; none when they cannot be read (the message goes without them).</summary>
    private async Task<IReadOnlyList<ChartSpec>> StoredChartsAsync(string sessionId, CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetChartsAsync(sessionId, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            ChartsUnreadable(logger, sessionId, e.Message);
            return [];
        }
    }

    /// <summary>A reply only the clicking user sees. A message with a file is deferred and sent by editing the reply.</summary>
    private InteractionReply Private(ChatMessage message, Interaction? forFiles = null) => Reply(message, forFiles, "notice", ephemeral: true);

    /// <param name="later">Completes the message on the queue (drawing charts, say), after a deferred answer.</param>
    private InteractionReply Reply(ChatMessage message, Interaction? i, string sessionId, bool ephemeral, Func<ChatMessage>? later = null)
    {
        if (later is null || i is null)
        {
            var payload = DiscordRenderer.Render(later is null ? message : later(), sessionId, ephemeral);
            return payload.Files.Count == 0 || i is null
                ? new InteractionReply(CallbackType.ChannelMessageWithSource, payload.Json)
                : Deferred(i, ephemeral, () => payload);
        }

        return Deferred(i, ephemeral, () => DiscordRenderer.Render(later(), sessionId, ephemeral));
    }

    /// <summary>Defers the answer and sends <paramref name="payload"/> from the queue by editing it in; when the queue
    /// takes no more work (full, or shutting down) the user hears so instead of waiting on "thinking…" for good.</summary>
    private InteractionReply Deferred(Interaction i, bool ephemeral, Func<DiscordMessagePayload> payload)
    {
        var token = i.Token;
        return queue.TryEnqueue(new WorkItem($"reply {i.Id}", ct => rest.EditOriginalResponseAsync(token, payload(), ct)))
            ? InteractionReply.Deferred(ephemeral)
            : Busy();
    }

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "Session {SessionId}: the stored charts cannot be read, the message goes without them: {Error}")]
    private static partial void ChartsUnreadable(ILogger logger, string sessionId, string error);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Interaction {InteractionId} {Type} {Command}{CustomId}")]
    private static partial void Received(ILogger logger, string interactionId, string type, string command, string customId);
}
