using System.Net;
using ChatOpsBot.Simulator.CloudWatch;
using ChatOpsBot.Simulator.Dns;
using ChatOpsBot.Simulator.Ec2;
using ChatOpsBot.Simulator.Elbv2;
using ChatOpsBot.Simulator.Faults;
using ChatOpsBot.Simulator.Hosting;
using ChatOpsBot.Simulator.Scenarios;
using ChatOpsBot.Simulator.Ssm;
using ChatOpsBot.Simulator.Sts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOpsBot.Simulator;

/// <summary>
/// A simulated AWS region on loopback, driven by a <see cref="Scenario"/>: one HTTP port for ELBv2, Classic ELB,
/// CloudWatch, EC2, SSM and STS (point every client's endpoint URL at <see cref="BaseUrl"/>), and a UDP DNS server.
/// </summary>
public sealed class SimulatedAws : IAsyncDisposable
{
    /// <summary>The access key id every request must be signed with (not a real key shape).</summary>
    public const string SimulatorAccessKeyId = "ASIMKEYEXAMPLE000000";

    /// <summary>The matching fake secret.</summary>
    public const string SimulatorSecretAccessKey = "simulator/EXAMPLE/secret/not-a-real-key00";

    private readonly WebApplication _app;
    private readonly DnsServer _dns;
    private readonly RequestDispatcher _dispatcher;
    private readonly FaultInjector _faults;
    private readonly CredentialBook _keys;

    private SimulatedAws(Scenario scenario, SimulatorOptions options, WebApplication app, DnsServer dns, RequestDispatcher dispatcher, FaultInjector faults, CredentialBook keys, Uri baseUrl)
    {
        _keys = keys;
        Scenario = scenario;
        Options = options;
        _app = app;
        _dns = dns;
        _dispatcher = dispatcher;
        _faults = faults;
        BaseUrl = baseUrl;
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c>: the endpoint of every simulated service.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The UDP DNS server answering from the scenario.</summary>
    public IPEndPoint DnsEndpoint => _dns.EndPoint;

    public string Region => Scenario.Region;

    public string AccessKeyId => SimulatorAccessKeyId;

    public string SecretAccessKey => SimulatorSecretAccessKey;

    public Scenario Scenario { get; }

    /// <summary>The live options; change <see cref="SimulatorOptions.Latency"/> while running.</summary>
    public SimulatorOptions Options { get; }

    /// <summary>Temporary credentials issued by the simulated STS so far, oldest expiration first.</summary>
    public IReadOnlyList<IssuedSession> IssuedSessions => _keys.Issued;

    /// <summary>Every request answered so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _dispatcher.Requests;

    public static async Task<SimulatedAws> StartAsync(Scenario scenario, SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new SimulatorOptions();
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var index = new ScenarioIndex(scenario);
        var faults = new FaultInjector(scenario.Faults, scenario.AccountId);
        var ec2 = new Ec2Api(index);
        var keys = new CredentialBook(SimulatorAccessKeyId);
        var apis = new Dictionary<string, IAwsApi>(StringComparer.Ordinal)
        {
            ["2015-12-01"] = new Elbv2Api(index),
            ["2012-06-01"] = new ClassicElbApi(index),
            ["2010-08-01"] = new CloudWatchApi(index),
            ["2016-11-15"] = ec2,
            [StsApi.Version] = new StsApi(index, keys),
        };
        var dispatcher = new RequestDispatcher(apis, new SsmApi(index), scenario.Region, keys, faults, options,
            loggerFactory.CreateLogger("ChatOpsBot.Simulator"));

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.AddServerHeader = false;
        });
        builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        var app = builder.Build();
        app.Run(dispatcher.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var dns = new DnsServer(new DnsZone(scenario), loggerFactory.CreateLogger("ChatOpsBot.Simulator.Dns"));
        return new SimulatedAws(scenario, options, app, dns, dispatcher, faults, keys, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Adds a fault at run time (same semantics as the scenario's <c>faults</c>).</summary>
    public void InjectFault(ScenarioFault fault) => _faults.Add(fault);

    /// <summary>Removes every fault, including those from the scenario.</summary>
    public void ClearFaults() => _faults.Clear();

    public async ValueTask DisposeAsync()
    {
        await _dns.DisposeAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
