using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ChatOpsBot.Discord.Rendering;
using ChatOpsBot.Discord.Rest;

namespace ChatOpsBot.Discord.Tests.Rendering;

public sealed class DiscordMessageValidatorTests
{
    [Fact]
    public void Violations_DocsLegacyComponentsMessage_IsValid() =>
        Assert.Empty(DiscordMessageValidator.Violations(Parse(Fixture("message_legacy_components.docs.json"))));

    [Fact]
    public void Violations_DocsMultipartPayloadJson_IsValid()
    {
        var text = Fixture("multipart_payload_json_with_files.docs.txt").Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = text.IndexOf("\n\n{", StringComparison.Ordinal) + 2;
        var end = text.IndexOf("\n--boundary", start, StringComparison.Ordinal);
        var json = Parse(text[start..end]);
        var files = new[] { new DiscordFile("myfilename.png", new byte[10], "image/png"), new DiscordFile("mygif.gif", new byte[10], "image/gif") };

        Assert.Empty(DiscordMessageValidator.Violations(new DiscordMessagePayload(json, files)));
    }

    [Theory]
    [InlineData("""{"content":"CONTENT2001"}""", "content: must be 2000 or fewer in length (is 2001)")]
    [InlineData("""{"embeds":[{"title":"TITLE257"}]}""", "embeds.0.title: must be 256 or fewer in length (is 257)")]
    [InlineData("""{"embeds":[{"description":"DESC4097"}]}""", "embeds.0.description: must be 4096 or fewer in length (is 4097)")]
    [InlineData("""{"embeds":[{"fields":[{"name":"NAME257","value":"v"}]}]}""", "embeds.0.fields.0.name: must be 256 or fewer in length (is 257)")]
    [InlineData("""{"embeds":[{"fields":[{"name":"n","value":"VALUE1025"}]}]}""", "embeds.0.fields.0.value: must be 1024 or fewer in length (is 1025)")]
    [InlineData("""{"embeds":[{"fields":[{"name":"n","value":"  "}]}]}""", "embeds.0.fields.0.value: required, and not blank")]
    [InlineData("""{"embeds":[{"footer":{"text":"FOOTER2049"}}]}""", "embeds.0.footer.text: must be 2048 or fewer in length (is 2049)")]
    [InlineData("""{"embeds":[{"color":16777216}]}""", "embeds.0.color: must be an integer from 0 to 16777215")]
    [InlineData("""{"embeds":[{"title":"x","description":"DESC4000"},{"description":"DESC2000"}]}""", "embeds: embed size exceeds maximum size of 6000 (is 6001)")]
    [InlineData("""{"components":[{"type":2,"style":1,"label":"a","custom_id":"a"}]}""", "components.0: a top-level component must be an action row (type 1) without IS_COMPONENTS_V2")]
    [InlineData("""{"components":[{"type":1,"components":[{"type":2,"style":1,"label":"LABEL81","custom_id":"a"}]}]}""", "components.0.components.0.label: must be 80 or fewer in length (is 81)")]
    [InlineData("""{"components":[{"type":1,"components":[{"type":2,"style":1,"label":"a","custom_id":"ID101"}]}]}""", "components.0.components.0.custom_id: must be 100 or fewer in length (is 101)")]
    [InlineData("""{"components":[{"type":1,"components":[{"type":2,"style":1,"label":"a"}]}]}""", "components.0.components.0.custom_id: required, 1 to 100 characters")]
    [InlineData("""{"components":[{"type":1,"components":[{"type":2,"style":1,"label":"a","custom_id":"x"},{"type":2,"style":2,"label":"b","custom_id":"x"}]}]}""", "components.0.components.1.custom_id: 'x' is used twice; custom_ids must be unique within a message")]
    [InlineData("""{"components":[{"type":1,"components":[{"type":2,"style":5,"label":"a","custom_id":"x","url":"https://example.com"}]}]}""", "components.0.components.0.custom_id: a link button cannot have a custom_id")]
    [InlineData("""{"allowed_mentions":{"parse":["users"],"users":["1"]}}""", "allowed_mentions: parse cannot contain users when allowed_mentions.users lists ids")]
    [InlineData("""{"allowed_mentions":{"parse":["here"]}}""", "allowed_mentions.parse.0: must be users, roles or everyone")]
    [InlineData("""{"flags":32768,"embeds":[{"title":"x"}]}""", "embeds: not allowed with IS_COMPONENTS_V2")]
    [InlineData("""{"attachments":[{"id":0,"filename":"a.md"},{"id":0,"filename":"b.md"}]}""", "attachments.1.id: 0 is used twice")]
    public void Violations_OneLimitBroken_IsReportedWithDiscordsPath(string template, string expected)
    {
        var violations = DiscordMessageValidator.Violations(Parse(Expand(template)));

        Assert.Equal([expected], violations);
    }

    [Fact]
    public void Violations_TooManyEmbedsFieldsRowsAndButtons_AreEachReported()
    {
        var field = new JsonObject { ["name"] = "n", ["value"] = "v" };
        var embed = new JsonObject { ["fields"] = new JsonArray(Enumerable.Range(0, 26).Select(_ => (JsonNode?)field.DeepClone()).ToArray()) };
        var id = 0;
        JsonObject Row(int buttons) => new()
        {
            ["type"] = 1,
            ["components"] = new JsonArray(Enumerable.Range(0, buttons).Select(_ => (JsonNode?)new JsonObject { ["type"] = 2, ["style"] = 2, ["label"] = "b", ["custom_id"] = $"b{id++}" }).ToArray()),
        };
        var message = new JsonObject
        {
            ["embeds"] = new JsonArray(Enumerable.Range(0, 11).Select(i => (JsonNode?)(i == 0 ? embed : new JsonObject { ["title"] = "t" })).ToArray()),
            ["components"] = new JsonArray(Row(6), Row(1), Row(1), Row(1), Row(1), Row(1)),
        };

        var violations = DiscordMessageValidator.Violations(message);

        Assert.Contains("embeds: must be 10 or fewer in length (is 11)", violations);
        Assert.Contains("embeds.0.fields: must be 25 or fewer in length (is 26)", violations);
        Assert.Contains("components: must be 5 or fewer in length (is 6)", violations);
        Assert.Contains("components.0.components: must be 5 or fewer in length (is 6)", violations);
        Assert.Equal(4, violations.Count);
    }

    [Fact]
    public void Violations_FileWithoutMatchingAttachment_IsReported()
    {
        var json = new JsonObject { ["attachments"] = new JsonArray(new JsonObject { ["id"] = 0, ["filename"] = "other.md" }) };
        var payload = new DiscordMessagePayload(json, [new DiscordFile("report.md", new byte[1], "text/markdown"), new DiscordFile("b.md", new byte[1], "text/markdown")]);

        var violations = DiscordMessageValidator.Violations(payload);

        Assert.Equal(["files[0]: filename 'report.md' differs from attachment 0's 'other.md'", "files[1]: no attachment with id 1 describes it"], violations);
    }

    [Fact]
    public void Violations_WrongTypes_AreReportedNotThrown()
    {
        var message = Parse("""{"content":5,"embeds":{},"components":[{"type":1,"components":"x"}],"allowed_mentions":[],"flags":"64"}""");

        var violations = DiscordMessageValidator.Violations(message);

        Assert.Contains("content: must be a string", violations);
        Assert.Contains("embeds: must be an array", violations);
        Assert.Contains("allowed_mentions: must be an object", violations);
        Assert.Contains("flags: must be an integer", violations);
        Assert.Contains("components.0.components: an action row needs 1 to 5 components", violations);
    }

    /// <summary>Replaces WORDnnn placeholders (for example TITLE257) with a string of that many characters.</summary>
    private static string Expand(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, "[A-Z]+([0-9]+)", m => new string('x', int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>A shared Discord fixture: beside the test binaries when linked there, else in ../shared beside the repository.</summary>
    private static string Fixture(string name, [CallerFilePath] string caller = "")
    {
        var candidates = new List<string> { Path.Combine(AppContext.BaseDirectory, "Fixtures", "discord", name) };
        for (var dir = Path.GetDirectoryName(caller); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            candidates.Add(Path.Combine(dir, "shared", "fixtures", "discord", name));
        }

        var path = candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"The shared Discord fixture '{name}' was not found (looked in {string.Join(", ", candidates.Take(3))}, …).");
        return File.ReadAllText(path);
    }
}
