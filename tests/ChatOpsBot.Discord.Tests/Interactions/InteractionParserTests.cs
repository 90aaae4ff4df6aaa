using System.Text;
using System.Text.Json;
using ChatOpsBot.Discord.Interactions;
using ChatOpsBot.Discord.Tests.Support;

namespace ChatOpsBot.Discord.Tests.Interactions;

public sealed class InteractionParserTests
{
    [Fact]
    public void Parse_RealPing_GivesPingWithUserAndNoCommand()
    {
        var interaction = InteractionParser.Parse(Fixtures.Bytes("ping_interaction.real.body.json"));

        Assert.NotNull(interaction);
        Assert.Equal(InteractionType.Ping, interaction.Type);
        Assert.Equal("995105663481028770", interaction.Id);
        Assert.Equal("827290144020496384", interaction.ApplicationId);
        Assert.StartsWith("aW50ZXJhY3Rpb246OTk1MTA1NjYzNDgxMDI4NzcwOml", interaction.Token, StringComparison.Ordinal);
        Assert.Equal(new DiscordUser("170531778354741248", "miles", "miles"), interaction.User);
        Assert.Empty(interaction.MemberRoles);
        Assert.Empty(interaction.CommandPath);
        Assert.Empty(interaction.Options);
        Assert.Null(interaction.GuildId);
        Assert.Null(interaction.CustomId);
        Assert.Null(interaction.MessageId);
        Assert.DoesNotContain(interaction.Token, interaction.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SlashCommandWithOption_MapsMemberUserRolesAndOption()
    {
        var interaction = InteractionParser.Parse(Fixtures.Bytes("application_command_slash_with_options.docs.json"));

        Assert.NotNull(interaction);
        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal("786008729715212338", interaction.Id);
        Assert.Equal(string.Empty, interaction.ApplicationId); // the docs example has none
        Assert.Equal("A_UNIQUE_TOKEN", interaction.Token);
        Assert.Equal("290926798626357999", interaction.GuildId);
        Assert.Equal("645027906669510667", interaction.ChannelId);
        Assert.Equal(new DiscordUser("53908232506183680", "Mason", "Mason"), interaction.User);
        Assert.Equal(["539082325061836999"], interaction.MemberRoles);
        Assert.Equal(["cardsearch"], interaction.CommandPath);
        var option = Assert.Single(interaction.Options);
        Assert.Equal(new CommandOption("cardname", 3, "The Gitrog Monster", false), option);
        Assert.Equal("The Gitrog Monster", interaction.Option("cardname"));
        Assert.Null(interaction.Focused);
    }

    [Fact]
    public void Parse_PartialAutocomplete_GivesFocusedOption()
    {
        var interaction = InteractionParser.Parse(Fixtures.Bytes("application_command_autocomplete.docs.json"));

        Assert.NotNull(interaction);
        Assert.Equal(InteractionType.ApplicationCommandAutocomplete, interaction.Type);
        Assert.Equal(["airhorn"], interaction.CommandPath);
        Assert.Equal(new CommandOption("variant", 3, "data a user is typ", true), interaction.Focused);
        Assert.Equal(string.Empty, interaction.User.Id); // the docs example carries no user
        Assert.Equal(string.Empty, interaction.Token);
    }

    [Fact]
    public void Parse_ButtonClick_GivesCustomIdAndMessageId()
    {
        var interaction = InteractionParser.Parse(Fixtures.Bytes("message_component_button.docs.json"));

        Assert.NotNull(interaction);
        Assert.Equal(InteractionType.MessageComponent, interaction.Type);
        Assert.Equal("click_one", interaction.CustomId);
        Assert.Equal("844397162624450620", interaction.MessageId);
        Assert.Equal("345626669114982999", interaction.ChannelId);
        Assert.Equal("290926444748734465", interaction.ApplicationId);
        Assert.Equal("unique_interaction_token", interaction.Token);
        Assert.Equal("53908232506183680", interaction.User.Id);
        Assert.Equal(["290926798626357999"], interaction.MemberRoles);
        Assert.Empty(interaction.CommandPath);
        Assert.Empty(interaction.Options);
        Assert.Empty(interaction.MessageAttachments!); // the docs' message has "attachments": []
    }

    [Fact]
    public void Parse_ButtonOnAMessageWithFiles_GivesTheAttachmentsToKeep_SkippingEntriesWithoutIdOrName()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Fixtures.Bytes("message_component_button.docs.json"))!.AsObject();
        json["message"]!["attachments"] = System.Text.Json.Nodes.JsonNode.Parse(
            """[{"id":"1310000000000000001","filename":"healthy-hosts.png","size":48213},{"id":"1310000000000000002"},{"filename":"x.png"}]""");

        var interaction = InteractionParser.Parse(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));

        Assert.Equal([new ChatOpsBot.Discord.Rest.DiscordAttachment("1310000000000000001", "healthy-hosts.png")], interaction!.MessageAttachments!);
    }

    [Fact]
    public void Parse_StringSelect_GivesCustomIdAndMessageId()
    {
        var interaction = InteractionParser.Parse(Fixtures.Bytes("message_component_string_select.docs.json"));

        Assert.NotNull(interaction);
        Assert.Equal(InteractionType.MessageComponent, interaction.Type);
        Assert.Equal("class_select_1", interaction.CustomId);
        Assert.Equal("847587334500646933", interaction.MessageId);
        Assert.Equal("772904309264089089", interaction.GuildId);
        Assert.Equal("Mason", interaction.User.DisplayName); // nick is not the display name
    }

    [Fact]
    public void Parse_UserCommand_GivesInvokerNotTarget()
    {
        var interaction = InteractionParser.Parse(Fixtures.Bytes("application_command_user_command.docs.json"));

        Assert.NotNull(interaction);
        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal(["context-menu-user-2"], interaction.CommandPath);
        Assert.Empty(interaction.Options);
        Assert.Equal(new DiscordUser("167348773423415296", "ian", "ian"), interaction.User);
        Assert.Equal(["785609923542777878"], interaction.MemberRoles);
        Assert.Equal("775799577604522054", interaction.ApplicationId);
    }

    [Fact]
    public void Parse_RealCaptures_SlashCommandsAndButton()
    {
        using var document = Fixtures.Json("interactions_real_captures.ssmmiles-core-tests-data.upstream.json");
        var root = document.RootElement;

        var test = InteractionParser.Parse(root.GetProperty("testCommandInteraction"));
        var test2 = InteractionParser.Parse(root.GetProperty("test2CommandInteraction"));
        var button = InteractionParser.Parse(root.GetProperty("buttonInteraction"));

        Assert.NotNull(test);
        Assert.Equal(["test"], test.CommandPath);
        Assert.Equal(["690258902016852041", "693450982423789591"], test.MemberRoles);
        Assert.Equal("820553335492837377", test.ApplicationId);
        Assert.Equal(new DiscordUser("170531778354741248", "miles", "miles"), test.User);
        Assert.NotNull(test2);
        Assert.Equal(["test2"], test2.CommandPath);
        Assert.NotNull(button);
        Assert.Equal(InteractionType.MessageComponent, button.Type);
        Assert.Equal("testButton|{}", button.CustomId);
        Assert.Equal("960775653731500053", button.MessageId);
        Assert.Equal("690256246003204228", button.ChannelId);
    }

    [Fact]
    public void Parse_DiagnoseSubcommand_FlattensPathAndLeafOptions()
    {
        var json = """
            {
              "id": "1200000000000000001", "application_id": "1100000000000000001", "type": 2, "token": "tok",
              "version": 1, "guild_id": "1000000000000000001", "channel_id": "1000000000000000002",
              "member": { "roles": ["1000000000000000003"], "permissions": "2147483647",
                          "user": { "id": "1000000000000000004", "username": "oncall", "global_name": "On-call Ana" } },
              "data": { "id": "1300000000000000001", "name": "diagnose", "type": 1,
                        "options": [ { "name": "503", "type": 1, "options": [
                          { "name": "lb", "type": 3, "value": "demo-alb" },
                          { "name": "region", "type": 3, "value": "us-east-1" } ] } ] },
              "entitlements": [], "authorizing_integration_owners": { "0": "1000000000000000001" },
              "context": 0, "attachment_size_limit": 10485760, "some_future_field": { "x": [1, 2] }
            }
            """;

        var interaction = InteractionParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.NotNull(interaction);
        Assert.Equal(["diagnose", "503"], interaction.CommandPath);
        Assert.Equal(
            [new CommandOption("lb", 3, "demo-alb", false), new CommandOption("region", 3, "us-east-1", false)],
            interaction.Options);
        Assert.Equal("demo-alb", interaction.Option("lb"));
        Assert.Equal(new DiscordUser("1000000000000000004", "oncall", "On-call Ana"), interaction.User);
    }

    [Fact]
    public void Parse_SubcommandGroupWithNonStringValues_GivesInvariantText()
    {
        var json = """
            {"id":"1","application_id":"2","type":4,"token":"t","user":{"id":"9","username":"dm-user","global_name":null},
             "data":{"name":"ops","type":1,"options":[{"name":"lb","type":2,"options":[{"name":"scale","type":1,"options":[
               {"name":"count","type":4,"value":3},{"name":"ratio","type":10,"value":0.25},{"name":"dry","type":5,"value":false},
               {"name":"target","type":6,"value":"123"},{"name":"partial","type":3,"value":"de","focused":true}]}]}]}}
            """;

        var interaction = InteractionParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.NotNull(interaction);
        Assert.Equal(["ops", "lb", "scale"], interaction.CommandPath);
        Assert.Equal("3", interaction.Option("count"));
        Assert.Equal("0.25", interaction.Option("ratio"));
        Assert.Equal("false", interaction.Option("dry"));
        Assert.Equal("123", interaction.Option("target"));
        Assert.Equal("partial", interaction.Focused?.Name);
        Assert.Equal(new DiscordUser("9", "dm-user", "dm-user"), interaction.User); // DM: top-level user
        Assert.Empty(interaction.MemberRoles);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"type\":2")]
    [InlineData("[]")]
    [InlineData("\"ping\"")]
    [InlineData("{}")]
    [InlineData("{\"type\":\"1\",\"token\":\"t\"}")]
    [InlineData("{\"type\":0,\"id\":\"1\",\"channel_id\":\"2\",\"content\":\"a message\"}")]
    [InlineData("{\"type\":9,\"data\":{}}")]
    [InlineData("{\"type\":1,\"id\":\"1\",\"channel_id\":\"2\",\"content\":\"a recipient-add message\"}")]
    [InlineData("{\"type\":2,\"id\":\"1\",\"token\":\"t\"}")]
    public void Parse_NotAnInteraction_ReturnsNull(string json)
    {
        Assert.Null(InteractionParser.Parse(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Parse_JsonElementOverload_MatchesBytes()
    {
        var bytes = Fixtures.Bytes("message_component_button.docs.json");
        using var document = JsonDocument.Parse(bytes);

        Assert.Equal(
            InteractionParser.Parse(bytes)?.ToString(),
            InteractionParser.Parse(document.RootElement)?.ToString());
    }
}
