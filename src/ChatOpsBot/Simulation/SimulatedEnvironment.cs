using Amazon.Runtime;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Simulator;
using ChatOpsBot.Simulator.Scenarios;

namespace ChatOpsBot.Simulation;

/// <summary>
/// Starts the simulated AWS in-process and produces the connection settings a user would write by hand to
/// point the bot at any endpoint (the equivalent of AWS_ENDPOINT_URL plus a key pair). The production clients
/// see only a URL and credentials.
/// </summary>
public sealed class SimulatedEnvironment : IAsyncDisposable
{
    /// <summary>The scenario <c>--simulate</c> runs when none is named: a realistic incident to diagnose.</summary>
    public const string DefaultScenario = "sg-blocks-health-check";

    private SimulatedEnvironment(SimulatedAws aws, AwsConnectionSettings settings)
    {
        Aws = aws;
        Settings = settings;
    }

    public SimulatedAws Aws { get; }

    public AwsConnectionSettings Settings { get; }

    public static async Task<SimulatedEnvironment> StartAsync(string? scenarioName, SimulatorOptions? options, CancellationToken cancellationToken)
    {
        var scenario = ScenarioCatalog.Load(scenarioName ?? DefaultScenario);
        var aws = await SimulatedAws.StartAsync(scenario, options, cancellationToken);
        var settings = new AwsConnectionSettings
        {
            Region = aws.Region,
            Endpoints = Enum.GetValues<AwsService>().ToDictionary(s => s, _ => aws.BaseUrl),
            Credentials = new BasicAWSCredentials(aws.AccessKeyId, aws.SecretAccessKey),
            DnsServer = aws.DnsEndpoint.ToString(),
        };
        return new SimulatedEnvironment(aws, settings);
    }

    public ValueTask DisposeAsync() => Aws.DisposeAsync();
}
