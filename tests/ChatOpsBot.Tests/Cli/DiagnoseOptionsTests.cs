using ChatOpsBot.Cli;

namespace ChatOpsBot.Tests.Cli;

public sealed class DiagnoseOptionsTests
{
    [Fact]
    public void Parse_EveryOption_FillsEveryField()
    {
        var options = DiagnoseOptions.Parse(
            ["503", "shop-alb", "--region", "eu-west-1", "--profile", "prod", "--since", "2h", "--output", "json", "--dns-server", "10.0.0.2:53", "--account", "payments"],
            out var error);

        Assert.Null(error);
        Assert.Equal(new DiagnoseOptions("503", "shop-alb", "eu-west-1", "prod", TimeSpan.FromHours(2), false, null, OutputFormat.Json, "10.0.0.2:53", Account: "payments"), options);
    }

    [Fact]
    public void Parse_OnlyTheRequiredArguments_UsesTheDefaults()
    {
        var options = DiagnoseOptions.Parse(["503", "shop-alb"], out var error);

        Assert.Null(error);
        Assert.Equal(new DiagnoseOptions("503", "shop-alb", null, null, TimeSpan.FromMinutes(60), false, null, OutputFormat.Text, null), options);
    }

    [Fact]
    public void Parse_RecordsByDefault_NoRecordTurnsItOff_AndDbNamesTheFile()
    {
        Assert.True(DiagnoseOptions.Parse(["503", "shop-alb"], out _)!.Record);
        Assert.False(DiagnoseOptions.Parse(["503", "shop-alb", "--no-record"], out _)!.Record);
        var withDb = DiagnoseOptions.Parse(["503", "--db", "/tmp/incident.db", "shop-alb"], out var error);
        Assert.Null(error);
        Assert.Equal("/tmp/incident.db", withDb!.Database);
        Assert.Equal("shop-alb", withDb.LoadBalancer);
        Assert.True(withDb.Record);
    }

    [Theory]
    [InlineData(new[] { "503", "shop-alb", "--db" }, "--db needs the SQLite file to keep the transcript in, for example --db ./incident.db.")]
    [InlineData(new[] { "503", "shop-alb", "--db", "--no-record" }, "--db needs the SQLite file to keep the transcript in, for example --db ./incident.db.")]
    [InlineData(new[] { "503", "shop-alb", "--db", "x.db", "--no-record" }, "--db names where to keep the transcript and --no-record keeps none: use one of them.")]
    public void Parse_DbMisused_SaysHow(string[] args, string expected)
    {
        Assert.Null(DiagnoseOptions.Parse(args, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Parse_OptionsBeforeThePositionals_AreAccepted()
    {
        var options = DiagnoseOptions.Parse(["--output", "Markdown", "503", "--region", "us-east-1", "shop-alb"], out _);

        Assert.Equal(OutputFormat.Markdown, options!.Output);
        Assert.Equal("us-east-1", options.Region);
        Assert.Equal("shop-alb", options.LoadBalancer);
    }

    [Fact]
    public void Parse_SimulateWithAScenario_TakesTheScenarioName()
    {
        var options = DiagnoseOptions.Parse(["503", "demo-alb", "--simulate", "empty-target-group"], out _);

        Assert.True(options!.Simulate);
        Assert.Equal("empty-target-group", options.Scenario);
        Assert.Equal("demo-alb", options.LoadBalancer);
    }

    [Theory]
    [InlineData("503", "demo-alb", "--simulate")]
    [InlineData("503", "demo-alb", "--simulate", "--output", "json")]
    public void Parse_SimulateWithoutAScenario_UsesTheDefaultScenario(params string[] args)
    {
        var options = DiagnoseOptions.Parse(args, out var error);

        Assert.Null(error);
        Assert.True(options!.Simulate);
        Assert.Null(options.Scenario);
    }

    [Fact]
    public void Parse_Charts_TakesTheDirectory()
    {
        var options = DiagnoseOptions.Parse(["503", "demo-alb", "--charts", "out/charts", "--simulate"], out var error);

        Assert.Null(error);
        Assert.Equal("out/charts", options!.ChartsDirectory);
        Assert.True(options.Simulate);
    }

    [Fact]
    public void Parse_ChartsWithoutADirectory_SaysWhatIsMissing()
    {
        var options = DiagnoseOptions.Parse(["503", "demo-alb", "--charts"], out var error);

        Assert.Null(options);
        Assert.Contains("--charts", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OnInstanceWithSettings_BuildsTheProbeOptions()
    {
        var options = DiagnoseOptions.Parse(
            ["503", "demo-alb", "--on-instance", "--service", "orders-api", "--app-log", "/var/log/orders/app.log", "--dependency", "db.internal", "--dependency", "cache.internal", "--max-instances", "5"],
            out var error);

        Assert.Null(error);
        var probe = options!.OnInstance!;
        Assert.Equal(5, probe.MaxInstances);
        Assert.Equal("orders-api", probe.ServiceName);
        Assert.Equal("/var/log/orders/app.log", probe.LogPath);
        Assert.Equal(["db.internal", "cache.internal"], probe.Dependencies);
    }

    [Fact]
    public void Parse_WithoutOnInstance_ProbeIsOff()
    {
        Assert.Null(DiagnoseOptions.Parse(["503", "demo-alb"], out _)!.OnInstance);
    }

    [Theory]
    [InlineData("--max-instances", "0", "--max-instances takes a number from 1 to 50")]
    [InlineData("--max-instances", "51", "--max-instances takes a number from 1 to 50")]
    [InlineData("--app-log", "relative.log", "must be an absolute path")]
    [InlineData("--dependency", "db;reboot", "is not a host name")]
    public void Parse_BadOnInstanceSetting_NamesIt(string option, string value, string expected)
    {
        var options = DiagnoseOptions.Parse(["503", "demo-alb", "--on-instance", option, value], out var error);

        Assert.Null(options);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ProbeSettingWithoutOnInstance_AsksForIt()
    {
        var options = DiagnoseOptions.Parse(["503", "demo-alb", "--service", "orders-api"], out var error);

        Assert.Null(options);
        Assert.Contains("add --on-instance", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SimulateBeforeTheLoadBalancer_ReadsTheLoadBalancerNotAScenario()
    {
        var options = DiagnoseOptions.Parse(["503", "--simulate", "demo-alb"], out var error);

        Assert.Null(error);
        Assert.Equal("demo-alb", options!.LoadBalancer);
        Assert.Null(options.Scenario);
    }

    [Fact]
    public void Parse_SimulateWithAnUnknownScenario_SaysSoAndPointsAtTheList()
    {
        var options = DiagnoseOptions.Parse(["503", "demo-alb", "--simulate", "no-such-scenario"], out var error);

        Assert.Null(options);
        Assert.Contains("No scenario named 'no-such-scenario'", error, StringComparison.Ordinal);
        Assert.Contains("`scenarios`", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("300s", 5)]
    [InlineData("5m", 5)]
    [InlineData("30", 30)]
    [InlineData("1.5h", 90)]
    [InlineData("1d", 1440)]
    public void Parse_SinceInRange_IsParsed(string since, double minutes)
    {
        var options = DiagnoseOptions.Parse(["503", "shop-alb", "--since", since], out var error);

        Assert.Null(error);
        Assert.Equal(TimeSpan.FromMinutes(minutes), options!.Since);
    }

    [Theory]
    [InlineData("4m")]
    [InlineData("90s")]
    [InlineData("25h")]
    [InlineData("2w")]
    [InlineData("abc")]
    [InlineData("-10m")]
    [InlineData("0")]
    public void Parse_BadSince_SaysTheAllowedRange(string since)
    {
        var options = DiagnoseOptions.Parse(["503", "shop-alb", "--since", since], out var error);

        Assert.Null(options);
        Assert.Equal($"--since takes a duration from 5m to 24h, such as 30m or 2h (got '{since}').", error);
    }

    [Fact]
    public void Parse_SinceWithoutValue_SaysTheAllowedRange()
    {
        Assert.Null(DiagnoseOptions.Parse(["503", "shop-alb", "--since"], out var error));
        Assert.Equal("--since takes a duration from 5m to 24h, such as 30m or 2h (got '').", error);
    }

    [Fact]
    public void Parse_UnknownOption_NamesIt()
    {
        Assert.Null(DiagnoseOptions.Parse(["503", "shop-alb", "--verbose"], out var error));
        Assert.Equal("Unknown option --verbose.", error);
    }

    [Theory]
    [InlineData]
    [InlineData("503")]
    public void Parse_MissingArguments_ShowsAnExample(params string[] args)
    {
        Assert.Null(DiagnoseOptions.Parse(args, out var error));
        Assert.Equal("Name the status code and the load balancer, for example: diagnose 503 my-alb", error);
    }

    [Fact]
    public void Parse_TooManyArguments_NamesTheExtraOnes()
    {
        Assert.Null(DiagnoseOptions.Parse(["503", "shop-alb", "extra", "more"], out var error));
        Assert.Equal("Too many arguments: extra more", error);
    }

    [Fact]
    public void Parse_UnsupportedStatusCode_SaysWhichRunbooksExist()
    {
        Assert.Null(DiagnoseOptions.Parse(["502", "shop-alb"], out var error));
        Assert.Equal("There is no runbook for 502 yet; available: 503.", error);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("1")]
    public void Parse_BadOutput_ListsTheFormats(string output)
    {
        Assert.Null(DiagnoseOptions.Parse(["503", "shop-alb", "--output", output], out var error));
        Assert.Equal($"--output takes text, markdown or json (got '{output}').", error);
    }

    [Theory]
    [InlineData("--region", "--region needs a value, for example --region eu-west-1.")]
    [InlineData("--profile", "--profile needs a profile name.")]
    [InlineData("--dns-server", "--dns-server needs an address, for example 10.0.0.2 or 127.0.0.1:5353.")]
    [InlineData("--account", "--account needs an account alias from the configuration (Aws:Accounts:<alias>), for example --account prod.")]
    public void Parse_OptionMissingItsValue_SaysWhatItNeeds(string option, string expected)
    {
        Assert.Null(DiagnoseOptions.Parse(["503", "shop-alb", option, "--output", "json"], out var error));
        Assert.Equal(expected, error);
        Assert.Null(DiagnoseOptions.Parse(["503", "shop-alb", option], out error));
        Assert.Equal(expected, error);
    }
}
