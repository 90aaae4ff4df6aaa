using System.Text;
using Amazon.Runtime;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Simulator;
using ChatOpsBot.Simulator.Scenarios;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Aws.Tests.Sts;

/// <summary>The simulated AWS with assumable roles, a clock shared by the simulator and the bot, and settings that
/// point every service (STS included) at it.</summary>
internal sealed class SimulatedAccounts : IAsyncDisposable
{
    public const string ProdRole = "arn:aws:iam::210987654321:role/chatopsbot-read";
    public const string ProdExternalId = "opsbot-7f3a9c";
    public const string StagingRole = "arn:aws:iam::345678901234:role/chatopsbot-read";
    public const string WebRole = "arn:aws:iam::123456789012:role/chatopsbot-irsa";

    private SimulatedAccounts(SimulatedAws aws, TimeProvider time)
    {
        Aws = aws;
        Clock = time;
    }

    public SimulatedAws Aws { get; }

    /// <summary>The clock of the simulator (and of the bot in the tests): a <see cref="FakeTimeProvider"/> unless
    /// the test asked for the system clock.</summary>
    public TimeProvider Clock { get; }

    public FakeTimeProvider Time => (FakeTimeProvider)Clock;

    public static async Task<SimulatedAccounts> StartAsync(TimeProvider? clock = null)
    {
        var scenario = ScenarioCatalog.Load("healthy-baseline") with
        {
            Sts = new ScenarioSts
            {
                Roles =
                [
                    new ScenarioRole { Arn = ProdRole, ExternalId = ProdExternalId },
                    new ScenarioRole { Arn = StagingRole, MaxSessionDurationSeconds = 7200 },
                    new ScenarioRole { Arn = WebRole, WebIdentity = true },
                ],
            },
        };
        var time = clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
        var aws = await SimulatedAws.StartAsync(scenario, new SimulatorOptions { TimeProvider = time });
        return new SimulatedAccounts(aws, time);
    }

    public AwsConnectionSettings Settings(string? externalId = ProdExternalId, int? prodDuration = null, AWSCredentials? credentials = null) => new()
    {
        Region = Aws.Region,
        Credentials = credentials ?? new BasicAWSCredentials(Aws.AccessKeyId, Aws.SecretAccessKey),
        Endpoints = Enum.GetValues<AwsService>().ToDictionary(s => s, _ => Aws.BaseUrl),
        RoleSessionName = "chatopsbot-test-replica-0",
        Accounts = new Dictionary<string, AwsAccountSettings>(StringComparer.OrdinalIgnoreCase)
        {
            ["prod"] = new() { RoleArn = ProdRole, ExternalId = externalId, DurationSeconds = prodDuration },
            ["staging"] = new() { RoleArn = StagingRole },
        },
    };

    public IReadOnlyList<RecordedRequest> Calls(string service, string? action = null) =>
        [.. Aws.Requests.Where(r => r.Service == service && (action is null || r.Action == action))];

    /// <summary>An unsigned JWT (STS only reads its claims here) expiring at <paramref name="expires"/>.</summary>
    public static string Jwt(DateTimeOffset expires)
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var claims = $$"""{"iss":"https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE","sub":"system:serviceaccount:ops:chatopsbot","aud":"sts.amazonaws.com","exp":{{expires.ToUnixTimeSeconds()}}}""";
        return $"{Part("""{"alg":"RS256","kid":"k1"}""")}.{Part(claims)}.c2lnbmF0dXJl";
    }

    public ValueTask DisposeAsync() => Aws.DisposeAsync();
}

/// <summary>Test helpers over <see cref="AwsConnectionSettings"/>.</summary>
internal static class SimulatedAccountsSettings
{
    /// <summary>The same settings without explicit credentials, so the base credentials come from the environment.</summary>
    public static AwsConnectionSettings WithoutCredentials(this AwsConnectionSettings settings) => new()
    {
        Region = settings.Region,
        Endpoints = settings.Endpoints,
        Accounts = settings.Accounts,
        DefaultAccount = settings.DefaultAccount,
        RoleSessionName = settings.RoleSessionName,
    };
}
