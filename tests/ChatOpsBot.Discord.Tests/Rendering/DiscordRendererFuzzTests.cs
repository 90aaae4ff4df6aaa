using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Discord.Rendering;
using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Messaging;

namespace ChatOpsBot.Discord.Tests.Rendering;

/// <summary>Random, often absurd, input must always render within every limit. Seeds are fixed so a failure repeats.</summary>
public sealed class DiscordRendererFuzzTests
{
    private const string Session = "fuzz-session-0123456789";

    private static readonly string[] Pieces =
    [
        "a", "word ", "\n", "\r\n", "  ", "🔴", "✅", "👩‍💻", "é", "e\u0301", "`", "```", "**", "@everyone", "<@123456789012345678>",
        "|", "\t", "i-0123456789abcdef0", "sg-0a1b2c3d4e5f67890 ", "•", "\u200b", "'", "\"", "\\", "日本語",
    ];

    public static TheoryData<int> Seeds
    {
        get
        {
            var data = new TheoryData<int>();
            for (var seed = 0; seed < 60; seed++)
            {
                data.Add(seed);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Render_RandomMessage_StaysWithinEveryLimitAndKeepsTheEssentials(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 10; round++)
        {
            var message = RandomMessage(random);

            var payload = DiscordRenderer.Render(message, Session, ephemeral: random.Next(2) == 0);

            Assert.Empty(DiscordMessageValidator.Violations(payload));
            AssertNoBrokenSurrogates(payload.Json);
            var embed = DiscordRendererTests.Embed(payload);
            var fields = embed["fields"]?.AsArray().Count ?? 0;
            var essentials = message.Fields.Count(f => f.Essential);
            Assert.True(fields >= Math.Min(essentials, DiscordLimits.EmbedFields), $"seed {seed}: {fields} fields for {essentials} essentials");
            var shortened = fields < message.Fields.Count || message.Fields.Any(f => f.Value.Length > DiscordLimits.EmbedFieldValueLength);
            if (message.FullReport is not null && (shortened || message.AlwaysAttach))
            {
                Assert.Single(payload.Files);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Render_RandomHugeReport_StaysWithinEveryLimit(int seed)
    {
        var random = new Random(seed);
        var report = RandomReport(random);
        var marks = new IncidentMarks(Text(random, 300), ReportBuilder.StartedAt, random.Next(2) == 0 ? null : Text(random, 300), ReportBuilder.StartedAt);

        foreach (var message in new[] { DiagnosisMessages.Findings(report, marks, Session), DiagnosisMessages.Evidence(report, Session) })
        {
            var payload = DiscordRenderer.Render(message, Session);

            Assert.Empty(DiscordMessageValidator.Violations(payload));
            var names = DiscordRendererTests.FieldNames(DiscordRendererTests.Embed(payload));
            if (message.Fields.Count(f => f.Essential) <= DiscordLimits.EmbedFields && message.Fields.Any(f => f.Name == "Command"))
            {
                Assert.Contains("Command", names);
                Assert.Single(payload.Files);
            }
        }
    }

    [Fact]
    public void Render_ReportOverTenMebibytes_IsCutToTheFileLimit()
    {
        var message = new ChatMessage("t", MessageTone.Neutral, null, [], [], null, new ChatDocument("big.md", new string('é', 6 * 1024 * 1024)), AlwaysAttach: true);

        var payload = DiscordRenderer.Render(message, Session);

        var file = Assert.Single(payload.Files);
        Assert.InRange(file.Content.Length, DiscordLimits.FileBytes - 100, DiscordLimits.FileBytes);
        Assert.EndsWith("10 MiB file limit)\n", Encoding.UTF8.GetString(file.Content.Span), StringComparison.Ordinal);
        Assert.Empty(DiscordMessageValidator.Violations(payload));
    }

    private static ChatMessage RandomMessage(Random random)
    {
        var fields = Enumerable.Range(0, random.Next(0, 40))
            .Select(_ => new ChatField(
                Text(random, random.Next(4) == 0 ? 400 : 40),
                Text(random, random.Next(3) switch { 0 => 30, 1 => 1500, _ => 6000 }),
                Essential: random.Next(3) > 0,
                random.Next(4) == 0 ? ChatFieldFormat.Command : ChatFieldFormat.Text,
                Inline: random.Next(2) == 0))
            .ToArray();
        var actions = Enumerable.Range(0, random.Next(0, 12))
            .Select(_ => new ChatAction((ChatActionKind)random.Next(5), Text(random, 120), (ChatActionStyle)random.Next(4), random.Next(2) == 0))
            .ToArray();
        return new ChatMessage(
            Text(random, random.Next(2) == 0 ? 50 : 600),
            (MessageTone)random.Next(5),
            random.Next(5) == 0 ? null : Text(random, random.Next(2) == 0 ? 200 : 9000),
            fields,
            actions,
            random.Next(5) == 0 ? null : Text(random, random.Next(2) == 0 ? 100 : 5000),
            random.Next(3) == 0 ? null : new ChatDocument(Text(random, 150) + ".md", Text(random, 3000)),
            AlwaysAttach: random.Next(4) == 0);
    }

    private static DiagnosisReport RandomReport(Random random)
    {
        var root = CauseIds.Checked[random.Next(CauseIds.Checked.Count)];
        var causes = CauseIds.Checked.Select(c => new CauseFinding(
            c,
            c == root ? CauseStatus.Confirmed : (CauseStatus)random.Next(4),
            Text(random, 2000),
            Enumerable.Range(0, random.Next(0, 400)).Select(_ => Fact.Of(Text(random, 40), Text(random, 200))).ToArray(),
            new Fix(Text(random, 1500), Text(random, random.Next(500, 8000)), Text(random, 1500)))).ToArray();
        return new DiagnosisReport(
            Text(random, 30),
            (DiagnosisOutcome)random.Next(4),
            new LoadBalancerRef(Text(random, 300), Text(random, 200), "application", Text(random, 30)),
            Text(random, 30),
            ReportBuilder.StartedAt,
            TimeSpan.FromMinutes(random.Next(1, 1000)),
            root,
            CauseIds.Checked.Where(c => c != root && random.Next(3) == 0).ToArray(),
            Text(random, 6000),
            Text(random, 3000),
            causes,
            Enumerable.Range(0, random.Next(0, 200)).Select(_ => new EvidenceGap(Text(random, 100), Text(random, 60), EvidenceFailureKind.AccessDenied, Text(random, 300))).ToArray(),
            [],
            Enumerable.Range(0, random.Next(0, 50)).Select(_ => Text(random, 400)).ToArray(),
            TimeSpan.FromSeconds(random.Next(0, 10_000)),
            []);
    }

    private static string Text(Random random, int approximateLength)
    {
        var sb = new StringBuilder();
        var target = random.Next(0, approximateLength + 1);
        while (sb.Length < target)
        {
            sb.Append(Pieces[random.Next(Pieces.Length)]);
            if (random.Next(4) == 0)
            {
                sb.Append(random.Next(100_000).ToString(CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary>A cut must never separate the halves of a surrogate pair (the input has no lone halves).</summary>
    private static void AssertNoBrokenSurrogates(JsonObject json)
    {
        foreach (var s in Strings(json))
        {
            for (var i = 0; i < s.Length; i++)
            {
                if (char.IsHighSurrogate(s[i]))
                {
                    Assert.True(i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]), $"half a surrogate pair at {i} of: {s}");
                    i++;
                }
                else
                {
                    Assert.False(char.IsLowSurrogate(s[i]), $"half a surrogate pair at {i} of: {s}");
                }
            }
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(kv => Strings(kv.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
