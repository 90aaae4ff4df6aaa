using System.Text.Json.Nodes;
using ChatOpsBot.Discord.Commands;
using ChatOpsBot.Discord.Tests.Support;

namespace ChatOpsBot.Discord.Tests.Commands;

public sealed class DiagnoseCommandDefinitionTests
{
    [Fact]
    public void Build_Default_IsTheDocumentedDiagnoseCommand()
    {
        var expected = JsonNode.Parse("""
            [{
              "name": "diagnose", "type": 1, "description": "Find out why a load balancer is failing",
              "contexts": [0], "integration_types": [0],
              "options": [
                { "type": 1, "name": "503", "description": "Why does this load balancer answer 503?", "options": [
                  { "type": 3, "name": "lb", "description": "Load balancer name or ARN", "required": true, "autocomplete": true, "max_length": 200 },
                  { "type": 3, "name": "region", "description": "AWS region (default: the bot's)", "required": false, "max_length": 32 } ] },
                { "type": 1, "name": "transcript", "description": "Attach the transcript of a diagnosis session", "options": [
                  { "type": 3, "name": "id", "description": "Session id from a diagnosis message", "required": true } ] }
              ]
            }]
            """);

        var built = DiagnoseCommandDefinition.Build();

        Assert.True(JsonNode.DeepEquals(expected, built), built.ToJsonString());
    }

    [Fact]
    public void Build_WithAccounts_AddsAnOptionalAutocompletedAccountOptionToEachRunbook()
    {
        var command = Assert.Single(DiagnoseCommandDefinition.Build(["503", "504"], accountOption: true))!.AsObject();

        var expected = JsonNode.Parse("""
            { "type": 3, "name": "account", "description": "Account alias from the bot's configuration (default: the bot's)", "required": false, "autocomplete": true, "max_length": 32 }
            """);
        var runbooks = command["options"]!.AsArray().Where(o => o!["name"]!.GetValue<string>() != "transcript").ToList();
        Assert.Equal(2, runbooks.Count);
        Assert.All(runbooks, r => Assert.True(JsonNode.DeepEquals(expected, r!["options"]!.AsArray()[^1]), r!.ToJsonString()));
        Assert.Empty(CommandLimits.Validate(command));
        Assert.DoesNotContain("account", Assert.Single(DiagnoseCommandDefinition.Build())!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Default_IsWithinDiscordLimits()
    {
        var command = Assert.Single(DiagnoseCommandDefinition.Build())!.AsObject();

        Assert.Empty(CommandLimits.Validate(command));
        Assert.InRange(CommandLimits.TotalCharacters(command), 1, CommandLimits.MaxTotalCharacters);
    }

    [Fact]
    public void Build_MoreRunbooks_AddsOneSubcommandEachBeforeTranscript_AndStaysValid()
    {
        var command = Assert.Single(DiagnoseCommandDefinition.Build(["503", "502", "504"]))!.AsObject();

        var subcommands = command["options"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["503", "502", "504", "transcript"], subcommands);
        Assert.Equal("Why does this load balancer answer 504?", command["options"]![2]!["description"]!.GetValue<string>());
        Assert.Empty(CommandLimits.Validate(command));
    }

    [Fact]
    public void Build_TwentyFourRunbooks_FitsTheOptionLimit_TwentyFiveDoNot()
    {
        var fits = DiagnoseCommandDefinition.Build([.. Enumerable.Range(500, 24).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var tooMany = DiagnoseCommandDefinition.Build([.. Enumerable.Range(500, 25).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Empty(CommandLimits.Validate(fits[0]!.AsObject()));
        Assert.Contains(CommandLimits.Validate(tooMany[0]!.AsObject()), p => p.Contains("26 options", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Five03")]
    [InlineData("transcript")]
    [InlineData("has space")]
    [InlineData("this-name-is-far-too-long-for-discord-1")]
    public void Build_BadRunbookName_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => DiagnoseCommandDefinition.Build([name]));
    }

    [Fact]
    public void Build_RepeatedRunbook_Throws()
    {
        Assert.Throws<ArgumentException>(() => DiagnoseCommandDefinition.Build(["503", "503"]));
    }

    [Fact]
    public void Validate_DocsExampleCommand_IsValid()
    {
        using var document = Fixtures.Json("command_registration_blep.docs.json");

        Assert.Empty(CommandLimits.Validate(JsonNode.Parse(document.RootElement.GetRawText())!.AsObject()));
    }

    [Theory]
    [InlineData("""{"name":"Diagnose","type":1,"description":"d"}""", "lower case")]
    [InlineData("""{"name":"has space","type":1,"description":"d"}""", "must be 1-32")]
    [InlineData("""{"name":"d","type":1,"description":""}""", "description has 0")]
    [InlineData("""{"name":"d","type":1,"description":"d","options":[{"type":3,"name":"a","description":"a"},{"type":3,"name":"b","description":"b","required":true}]}""", "after an optional")]
    [InlineData("""{"name":"d","type":1,"description":"d","options":[{"type":3,"name":"a","description":"a","autocomplete":true,"choices":[{"name":"x","value":"x"}]}]}""", "both autocomplete and choices")]
    [InlineData("""{"name":"d","type":1,"description":"d","options":[{"type":3,"name":"a","description":"a","max_length":6001}]}""", "string lengths")]
    [InlineData("""{"name":"d","type":1,"description":"d","options":[{"type":1,"name":"s","description":"s","options":[{"type":1,"name":"t","description":"t"}]}]}""", "nests too deep")]
    [InlineData("""{"name":"d","type":1,"description":"d","options":[{"type":1,"name":"s","description":"s"},{"type":3,"name":"a","description":"a"}]}""", "mixes subcommands")]
    [InlineData("""{"name":"d","type":1,"description":"d","options":[{"type":2,"name":"g","description":"g","options":[{"type":2,"name":"h","description":"h"}]}]}""", "nests too deep")]
    public void Validate_BrokenLimit_IsReported(string json, string expected)
    {
        var problems = CommandLimits.Validate(JsonNode.Parse(json)!.AsObject());

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_LongDescriptionAndTotal_AreReported()
    {
        var options = new JsonArray();
        for (var i = 0; i < 25; i++)
        {
            var choices = new JsonArray();
            for (var c = 0; c < 25; c++)
            {
                choices.Add(new JsonObject { ["name"] = new string('n', 20), ["value"] = $"v{c}" });
            }

            options.Add(new JsonObject { ["type"] = 3, ["name"] = $"o{i}", ["description"] = "d", ["choices"] = choices });
        }

        var command = new JsonObject { ["name"] = "big", ["type"] = 1, ["description"] = new string('x', 101), ["options"] = options };

        var problems = CommandLimits.Validate(command);

        Assert.Contains(problems, p => p.Contains("description has 101", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Discord allows 8000", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_GroupWithSubcommands_IsAccepted()
    {
        var command = JsonNode.Parse("""{"name":"d","type":1,"description":"d","options":[{"type":2,"name":"g","description":"g","options":[{"type":1,"name":"s","description":"s","options":[{"type":3,"name":"a","description":"a"}]}]}]}""")!.AsObject();

        Assert.Empty(CommandLimits.Validate(command));
    }

    [Fact]
    public void Validate_DevanagariAndThaiNames_AreAccepted()
    {
        var command = JsonNode.Parse("""{"name":"निदान","type":1,"description":"d","options":[{"type":3,"name":"วินิจฉัย","description":"d"}]}""")!.AsObject();

        Assert.Empty(CommandLimits.Validate(command));
    }
}
