using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Discord.Components;
using ChatOpsBot.Discord.Rendering;
using ChatOpsBot.Discord.Rest;
using ChatOpsBot.Runbooks.Messaging;
using ChatOpsBot.Runbooks.Rendering;

namespace ChatOpsBot.Discord.Tests.Rendering;

public sealed class DiscordRendererTests
{
    private const string Session = ReportBuilder.SessionId;

    [Theory]
    [MemberData(nameof(RenderCases.All), MemberType = typeof(RenderCases))]
    public void Render_Case_MatchesGoldenFile(string name) => Golden.Verify(name, RenderCases.Render(name));

    [Theory]
    [MemberData(nameof(RenderCases.All), MemberType = typeof(RenderCases))]
    public void Render_Case_PassesEveryDiscordLimit(string name) => Assert.Empty(DiscordMessageValidator.Violations(RenderCases.Render(name)));

    [Theory]
    [MemberData(nameof(RenderCases.All), MemberType = typeof(RenderCases))]
    public void Render_Case_AllowsNoMentionsAndIsALegacyMessage(string name)
    {
        var json = RenderCases.Render(name).Json;

        Assert.Equal("""{"parse":[]}""", json["allowed_mentions"]!.ToJsonString());
        Assert.False(json.ContainsKey("content"));
        var embeds = json["embeds"]!.AsArray();
        Assert.True(embeds[0]!.AsObject().ContainsKey("title"));
        Assert.All(embeds.Skip(1), e => Assert.Equal(["color", "image"], e!.AsObject().Select(p => p.Key))); // further embeds: a chart only
        Assert.Equal(0, (json["flags"]?.GetValue<int>() ?? 0) & DiscordLimits.FlagComponentsV2);
    }

    [Fact]
    public void Render_Charts_MainChartInTheEmbedOthersAsImageOnlyEmbeds_EachUploadedWithItsAltText()
    {
        var payload = RenderCases.Render("findings-network-blocked-charts");

        var embeds = payload.Json["embeds"]!.AsArray();
        Assert.Equal(
            ["attachment://healthy-hosts.png", "attachment://5xx-by-producer.png", "attachment://target-response-time-p99.png"],
            embeds.Select(e => e!["image"]!["url"]!.GetValue<string>()));
        Assert.Equal(["healthy-hosts.png", "5xx-by-producer.png", "target-response-time-p99.png"], payload.Files.Select(f => f.FileName));
        Assert.All(payload.Files, f => Assert.Equal("image/png", f.ContentType));
        var attachments = payload.Json["attachments"]!.AsArray();
        Assert.Equal([0, 1, 2], attachments.Select(a => a!["id"]!.GetValue<int>()));
        Assert.StartsWith("Chart: Healthy vs unhealthy hosts", attachments[0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(DiscordMessageValidator.Violations(payload));
    }

    [Fact]
    public void Render_ChartsAlreadyOnTheMessage_AreKeptByIdAndNotUploadedAgain()
    {
        var payload = RenderCases.Render("findings-network-blocked-charts-acknowledged");

        Assert.Empty(payload.Files);
        Assert.Equal(RenderCases.ChartsOnMessage.Select(a => a.Id), payload.Json["attachments"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));
        Assert.Equal("attachment://healthy-hosts.png", payload.Json["embeds"]![0]!["image"]!["url"]!.GetValue<string>());
    }

    [Fact]
    public void Render_ChartWithoutBytesAndNotOnTheMessage_IsLeftOutRatherThanReferencedUnattached()
    {
        var images = RenderCases.Charts(withBytes: false);
        var payload = DiscordRenderer.Render(
            new ChatMessage("t", MessageTone.Neutral, null, [], [], null, null, Images: images),
            Session,
            existing: [RenderCases.ChartsOnMessage[1]]);

        var embed = Assert.Single(payload.Json["embeds"]!.AsArray());
        Assert.Equal("attachment://5xx-by-producer.png", embed!["image"]!["url"]!.GetValue<string>());
        Assert.Equal([RenderCases.ChartsOnMessage[1].Id], payload.Json["attachments"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));
    }

    [Fact]
    public void Render_MoreChartsThanDiscordAllows_StopsAtTenAttachmentsAndTenEmbedsIncludingTheReport()
    {
        var images = Enumerable.Range(0, 14).Select(i => new ChatImage($"chart-{i}.png", $"chart {i}", new byte[2 * 1024 * 1024])).ToArray();
        var message = new ChatMessage("t", MessageTone.Neutral, "lead", [], [], null, new ChatDocument("r.md", "# r"), AlwaysAttach: true, Images: images);

        var payload = DiscordRenderer.Render(message, Session);

        Assert.Equal(DiscordLimits.AttachmentsPerMessage, payload.Files.Count);
        Assert.Equal("r.md", payload.Files[0].FileName);
        Assert.Equal(9, payload.Json["embeds"]!.AsArray().Count);
        Assert.Empty(DiscordMessageValidator.Violations(payload));
    }

    [Fact]
    public void Render_ChartsOverTheRequestSizeLimit_AreLeftOutOnceTwentyFiveMiBAreUsed()
    {
        var images = Enumerable.Range(0, 4).Select(i => new ChatImage($"c{i}.png", "c", new byte[9 * 1024 * 1024])).ToArray();

        var payload = DiscordRenderer.Render(new ChatMessage("t", MessageTone.Neutral, null, [], [], null, null, Images: images), Session);

        Assert.Equal(2, payload.Files.Count);
        Assert.Equal(2, payload.Json["embeds"]!.AsArray().Count);
        Assert.Empty(DiscordMessageValidator.Violations(payload));
    }

    [Fact]
    public void Render_NetworkBlocked_ShowsTheRootCauseFixAndCommandWithoutAttachment()
    {
        var payload = RenderCases.Render("findings-network-blocked");
        var embed = Embed(payload);

        Assert.Equal("503 diagnosis · shop-alb", embed["title"]!.GetValue<string>());
        Assert.StartsWith("network-blocked: security group", embed["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(DiscordRenderer.DangerColor, embed["color"]!.GetValue<int>());
        Assert.Equal(
            ["Who produced the errors", "Root cause: network-blocked", "Evidence", "Fix", "Command", "Why it works", "Contributing", "Checks", "Could not check", "Next steps"],
            FieldNames(embed));
        Assert.Equal("```sh\n" + ReportBuilder.SgFixCommand + "\n```", Field(embed, "Command"));
        Assert.Empty(payload.Files);
        Assert.Empty(payload.Json["attachments"]!.AsArray());
        Assert.False(payload.Json.ContainsKey("flags"));
    }

    [Fact]
    public void Render_EnormousReport_AttachesTheMarkdownAndKeepsRootCauseFixAndCommand()
    {
        var report = ReportBuilder.Enormous();
        var payload = DiscordRenderer.Render(DiagnosisMessages.Findings(report, IncidentMarks.None, Session), Session);
        var embed = Embed(payload);

        var file = Assert.Single(payload.Files);
        Assert.Equal($"diagnosis-503-shop-alb-{Session}.md", file.FileName);
        Assert.Equal(DiscordRenderer.MarkdownContentType, file.ContentType);
        Assert.Equal(ReportMarkdown.Write(report), Encoding.UTF8.GetString(file.Content.Span));
        var attachment = Assert.Single(payload.Json["attachments"]!.AsArray())!.AsObject();
        Assert.Equal(0, attachment["id"]!.GetValue<int>());
        Assert.Equal(file.FileName, attachment["filename"]!.GetValue<string>());
        Assert.Contains($"Full report attached: `{file.FileName}`", embed["description"]!.GetValue<string>(), StringComparison.Ordinal);

        var names = FieldNames(embed);
        Assert.Contains("Root cause: network-blocked", names);
        Assert.Contains("Fix", names);
        Assert.Contains("Evidence", names);
        Assert.Contains("Checks", names);
        var command = Field(embed, "Command");
        Assert.StartsWith("```sh\naws ec2 authorize-security-group-ingress --group-id " + ReportBuilder.WebSg, command, StringComparison.Ordinal);
        Assert.EndsWith("\n# cut to fit: the full command is in the attached report\n```", command, StringComparison.Ordinal);
        Assert.True(command.Length <= DiscordLimits.EmbedFieldValueLength);
        Assert.Empty(DiscordMessageValidator.Violations(payload));
    }

    [Fact]
    public void Render_EnormousEvidence_CutsTheEssentialFieldAtALineBoundary()
    {
        var payload = RenderCases.Render("evidence-enormous");
        var value = Field(Embed(payload), "🔴 network-blocked (found)");

        Assert.Matches(@"\n… \d+ more lines$", value);
        Assert.All(value.Split('\n').SkipLast(1), line => Assert.StartsWith("• i-0", line, StringComparison.Ordinal));
        Assert.Single(payload.Files);
    }

    [Fact]
    public void Render_Ephemeral_SetsFlag64()
    {
        var message = DiagnosisMessages.Evidence(ReportBuilder.NetworkBlocked(), Session);

        Assert.Equal(64, DiscordRenderer.Render(message, Session, ephemeral: true).Json["flags"]!.GetValue<int>());
        Assert.False(DiscordRenderer.Render(message, Session).Json.ContainsKey("flags"));
    }

    [Fact]
    public void Render_Findings_ButtonsDecodeBackToTheirActionAndSession()
    {
        var message = DiagnosisMessages.Findings(ReportBuilder.NetworkBlocked(), RenderCases.Acknowledged, Session);
        var rows = RenderCases.Render("findings-network-blocked-acknowledged").Json["components"]!.AsArray();

        var row = Assert.Single(rows)!.AsObject();
        Assert.Equal(1, row["type"]!.GetValue<int>());
        var buttons = row["components"]!.AsArray().Select(b => b!.AsObject()).ToArray();
        Assert.Equal(message.Actions.Count, buttons.Length);
        for (var i = 0; i < buttons.Length; i++)
        {
            var action = message.Actions[i];
            var decoded = CustomIdCodec.Decode(buttons[i]["custom_id"]!.GetValue<string>());
            Assert.Equal(new ButtonCommand(action.Kind, Session), decoded);
            Assert.Equal(action.Label, buttons[i]["label"]!.GetValue<string>());
            Assert.Equal(action.Disabled, buttons[i]["disabled"]?.GetValue<bool>() ?? false);
            Assert.Equal(2, buttons[i]["type"]!.GetValue<int>());
        }

        Assert.Equal([2, 2, 1, 3, 2], buttons.Select(b => b["style"]!.GetValue<int>()));
        Assert.True(buttons[2]["disabled"]!.GetValue<bool>()); // "I'm on it" once someone is on it
    }

    [Fact]
    public void Render_FindingsWithInstanceCheck_PutsTheSixthButtonOnASecondRowWithinDiscordsLimits()
    {
        var payload = RenderCases.Render("findings-network-blocked-instance-check");
        var rows = payload.Json["components"]!.AsArray().Select(r => r!["components"]!.AsArray()).ToArray();

        Assert.Equal([5, 1], rows.Select(r => r.Count));
        var probe = rows[1][0]!.AsObject();
        Assert.Equal(new ButtonCommand(ChatActionKind.CheckInstances, Session), CustomIdCodec.Decode(probe["custom_id"]!.GetValue<string>()));
        Assert.Equal("Check on instances", probe["label"]!.GetValue<string>());
        Assert.False(probe["disabled"]?.GetValue<bool>() ?? false);
        Assert.Empty(DiscordMessageValidator.Violations(payload));
    }

    [Theory]
    [InlineData("findings-network-blocked-instance-check-resolved")]
    [InlineData("findings-not-found-instance-check")]
    public void Render_InstanceCheck_IsDisabledWhenResolvedOrNothingWasDiagnosed(string name)
    {
        var buttons = RenderCases.Render(name).Json["components"]!.AsArray().SelectMany(r => r!["components"]!.AsArray()).Select(b => b!.AsObject());

        var probe = Assert.Single(buttons, b => b["custom_id"]!.GetValue<string>().StartsWith("probe:", StringComparison.Ordinal));
        Assert.True(probe["disabled"]!.GetValue<bool>());
    }

    [Fact]
    public void Render_FindingsWithoutInstanceCheck_KeepOneRowOfFive()
    {
        var rows = RenderCases.Render("findings-network-blocked").Json["components"]!.AsArray();

        Assert.Equal(5, Assert.Single(rows)!["components"]!.AsArray().Count);
    }

    [Theory]
    [InlineData(MessageTone.Danger, 0xED4245)]
    [InlineData(MessageTone.Warning, 0xF0B232)]
    [InlineData(MessageTone.Success, 0x57F287)]
    [InlineData(MessageTone.Progress, 0x5865F2)]
    [InlineData(MessageTone.Neutral, 0x99AAB5)]
    public void Render_Tone_SetsTheEmbedColour(MessageTone tone, int color)
    {
        var payload = DiscordRenderer.Render(new ChatMessage("t", tone, null, [], [], null, null), Session);

        Assert.Equal(color, Embed(payload)["color"]!.GetValue<int>());
    }

    [Fact]
    public void Render_InlineFields_AreMarkedInlineAndOthersAreNot()
    {
        var embed = Embed(RenderCases.Render("progress-network-path"));
        var fields = embed["fields"]!.AsArray().Select(f => f!.AsObject()).ToArray();

        Assert.Equal(["Checks", "Load balancer", "Region", "Elapsed"], fields.Select(f => f["name"]!.GetValue<string>()));
        Assert.Equal([false, true, true, true], fields.Select(f => f["inline"]?.GetValue<bool>() ?? false));
        Assert.Equal(DiscordRenderer.ProgressColor, embed["color"]!.GetValue<int>());
    }

    [Fact]
    public void Render_Transcript_AlwaysAttachesEvenWhenEverythingFits()
    {
        var payload = RenderCases.Render("transcript");

        var file = Assert.Single(payload.Files);
        Assert.Equal($"transcript-{Session}.md", file.FileName);
        Assert.Equal(64, payload.Json["flags"]!.GetValue<int>());
        Assert.EndsWith($"📎 Full report attached: `{file.FileName}`", Embed(payload)["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ShortenedWithoutFullReport_SendsNoFile()
    {
        var message = new ChatMessage("t", MessageTone.Neutral, null, [new ChatField("Big", new string('x', 5000), Essential: true)], [], null, null);

        var payload = DiscordRenderer.Render(message, Session);

        Assert.Empty(payload.Files);
        Assert.Empty(payload.Json["attachments"]!.AsArray());
        Assert.EndsWith("…", Field(Embed(payload), "Big"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OversizedOptionalField_IsLeftOutAndTheReportAttached()
    {
        var essentials = Enumerable.Range(0, 5).Select(i => new ChatField($"E{i}", new string('e', 1000), Essential: true));
        ChatField[] fields = [.. essentials, new ChatField("Optional", new string('o', 1000), Essential: false)];
        var message = new ChatMessage("t", MessageTone.Neutral, "lead", fields, [], null, new ChatDocument("r.md", "# r"));

        var payload = DiscordRenderer.Render(message, Session);

        Assert.Equal(["E0", "E1", "E2", "E3", "E4"], FieldNames(Embed(payload)));
        Assert.Single(payload.Files);
        Assert.Empty(DiscordMessageValidator.Violations(payload));
    }

    [Fact]
    public void Render_CommandWithAFence_CannotCloseTheCodeBlockEarly()
    {
        var message = new ChatMessage("t", MessageTone.Neutral, null, [new ChatField("Command", "echo ```; rm -rf /tmp/x", true, ChatFieldFormat.Command)], [], null, null);

        var value = Field(Embed(DiscordRenderer.Render(message, Session)), "Command");

        Assert.StartsWith("```sh\n", value, StringComparison.Ordinal);
        Assert.EndsWith("\n```", value, StringComparison.Ordinal);
        Assert.Equal(2, value.Split("```").Length - 1);
    }

    [Fact]
    public void Render_RepeatedActionKind_RendersOneButtonSoCustomIdsStayUnique()
    {
        ChatAction[] actions = [new(ChatActionKind.Rerun, "Re-run", ChatActionStyle.Secondary), new(ChatActionKind.Rerun, "Again", ChatActionStyle.Primary)];

        var payload = DiscordRenderer.Render(new ChatMessage("t", MessageTone.Neutral, null, [], actions, null, null), Session);

        Assert.Single(payload.Json["components"]![0]!["components"]!.AsArray());
        Assert.Empty(DiscordMessageValidator.Violations(payload));
    }

    [Fact]
    public void Render_NoActions_SendsAnEmptyComponentsArraySoAnEditRemovesOldButtons()
    {
        var payload = DiscordRenderer.Notice("Not allowed", "You are not in the on-call role.");

        Assert.Empty(payload.Json["components"]!.AsArray());
        Assert.Equal(64, payload.Json["flags"]!.GetValue<int>());
        Assert.Equal(DiscordRenderer.WarningColor, Embed(payload)["color"]!.GetValue<int>());
    }

    [Fact]
    public void Choices_ManyNames_KeepsTwentyFiveDistinctNamesOfAtMostOneHundredCharacters()
    {
        var names = new[] { "shop-alb", "shop-alb", " ", new string('x', 101), new string('y', 100) }
            .Concat(Enumerable.Range(0, 40).Select(i => $"alb-{i}"));

        var choices = DiscordRenderer.Choices(names)["choices"]!.AsArray().Select(c => c!.AsObject()).ToArray();

        Assert.Equal(DiscordLimits.AutocompleteChoices, choices.Length);
        Assert.Equal("shop-alb", choices[0]["name"]!.GetValue<string>());
        Assert.Equal(new string('y', 100), choices[1]["value"]!.GetValue<string>());
        Assert.Equal(choices.Length, choices.Select(c => c["value"]!.GetValue<string>()).Distinct(StringComparer.Ordinal).Count());
        Assert.All(choices, c =>
        {
            Assert.Equal(c["name"]!.GetValue<string>(), c["value"]!.GetValue<string>());
            Assert.InRange(c["name"]!.GetValue<string>().Length, 1, DiscordLimits.ChoiceNameLength);
        });
    }

    [Fact]
    public void Choices_NoNames_IsAnEmptyList() =>
        Assert.Equal("""{"choices":[]}""", DiscordRenderer.Choices([]).ToJsonString());

    internal static JsonObject Embed(DiscordMessagePayload payload) => payload.Json["embeds"]![0]!.AsObject();

    internal static string[] FieldNames(JsonObject embed) =>
        embed["fields"]?.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToArray() ?? [];

    internal static string Field(JsonObject embed, string name) =>
        embed["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == name)!["value"]!.GetValue<string>();
}
