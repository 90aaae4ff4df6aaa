using System.Globalization;
using ChatOpsBot.Runbooks.Evidence.Instances;

namespace ChatOpsBot.Cli;

/// <summary>The parsed arguments of <c>diagnose 503 &lt;lb&gt; [options]</c>.</summary>
public sealed record DiagnoseOptions(
    string Symptom,
    string LoadBalancer,
    string? Region,
    string? Profile,
    TimeSpan Since,
    bool Simulate,
    string? Scenario,
    OutputFormat Output,
    string? DnsServer,
    string? ChartsDirectory = null,
    InstanceProbeOptions? OnInstance = null,
    string? Account = null,
    bool Record = true,
    string? Database = null)
{
    public static readonly IReadOnlyList<string> SupportedSymptoms = ["503"];

    public const string Usage = """
        Usage: diagnose 503 <load-balancer-name-or-arn> [options]

          --region R            AWS region (default: the ARN's region, the account's Region, AWS_REGION, or the profile's)
          --account ALIAS       diagnose in a configured account (Aws:Accounts:ALIAS): its role is assumed with STS
          --profile P           named profile from ~/.aws/config and ~/.aws/credentials
          --since 60m           how far back to read metrics: 5m to 24h (default 60m)
          --simulate [NAME]     run against the built-in simulated AWS (scenario NAME; `scenarios` lists them)
          --output text|markdown|json   report format on stdout (default text)
          --dns-server IP[:PORT]        resolve names with this DNS server instead of the system resolver
          --charts DIR          also write the evidence charts as PNGs (<chart-id>.png) into DIR, created if missing
          --on-instance         also check on up to 3 instance targets through SSM Run Command (read-only; needs
                                ssm:SendCommand and ssm:GetCommandInvocation): service, listening port, the health
                                check asked locally with the load balancer's Host header, dependencies, last log lines
            --service UNIT        systemd unit of the application (state, and its journal when no --app-log)
            --app-log PATH        application log file to read the last lines of
            --dependency HOST     a host name the application needs; checked on the instance (repeatable)
            --max-instances N     instances to check, 1 to 50 (default 3), unhealthy first, spread across zones
          --no-record           do not keep this session as a transcript (by default it is stored like the bot's
                                sessions, for `transcript list|show|export`; --simulate runs are marked as such)
          --db FILE             keep the transcript in this SQLite file instead of the configured store
        """;

    /// <summary>Parses the arguments after the verb. Returns null with a sentence in <paramref name="error"/> on bad usage.</summary>
    public static DiagnoseOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var positional = new List<string>();
        string? region = null, profile = null, scenario = null, dns = null, charts = null, service = null, appLog = null, account = null;
        var onInstance = false;
        var record = true;
        string? database = null;
        var dependencies = new List<string>();
        int? maxInstances = null;
        var since = TimeSpan.FromMinutes(60);
        var simulate = false;
        var output = OutputFormat.Text;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            string? Value()
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return null;
                }

                return args[++i];
            }

            switch (a)
            {
                case "--region":
                    region = Value();
                    if (region is null)
                    {
                        error = "--region needs a value, for example --region eu-west-1.";
                        return null;
                    }

                    break;
                case "--account":
                    account = Value();
                    if (account is null)
                    {
                        error = "--account needs an account alias from the configuration (Aws:Accounts:<alias>), for example --account prod.";
                        return null;
                    }

                    break;
                case "--profile":
                    profile = Value();
                    if (profile is null)
                    {
                        error = "--profile needs a profile name.";
                        return null;
                    }

                    break;
                case "--since":
                    var s = Value();
                    if (s is null || ParseDuration(s) is not { } d || d < TimeSpan.FromMinutes(5) || d > TimeSpan.FromHours(24))
                    {
                        error = $"--since takes a duration from 5m to 24h, such as 30m or 2h (got '{s}').";
                        return null;
                    }

                    since = d;
                    break;
                case "--simulate":
                    simulate = true;

                    // The scenario name is optional: take the next word only if it names a scenario (or a file),
                    // so `diagnose 503 --simulate demo-alb` still reads demo-alb as the load balancer.
                    if (i + 1 < args.Count && IsScenario(args[i + 1]))
                    {
                        scenario = args[++i];
                    }

                    break;
                case "--output":
                    var o = Value();
                    if (!Enum.TryParse(o, ignoreCase: true, out output) || o!.Any(char.IsDigit))
                    {
                        error = $"--output takes text, markdown or json (got '{o}').";
                        return null;
                    }

                    break;
                case "--dns-server":
                    dns = Value();
                    if (dns is null)
                    {
                        error = "--dns-server needs an address, for example 10.0.0.2 or 127.0.0.1:5353.";
                        return null;
                    }

                    break;
                case "--charts":
                    charts = Value();
                    if (charts is null)
                    {
                        error = "--charts needs a directory, for example --charts ./charts.";
                        return null;
                    }

                    break;
                case "--on-instance":
                    onInstance = true;
                    break;
                case "--no-record":
                    record = false;
                    break;
                case "--db":
                    database = Value();
                    if (database is null)
                    {
                        error = "--db needs the SQLite file to keep the transcript in, for example --db ./incident.db.";
                        return null;
                    }

                    break;
                case "--service":
                    service = Value();
                    if (service is null)
                    {
                        error = "--service needs a systemd unit name, for example --service orders-api.";
                        return null;
                    }

                    break;
                case "--app-log":
                    appLog = Value();
                    if (appLog is null)
                    {
                        error = "--app-log needs the absolute path of the application's log file, for example --app-log /var/log/orders/app.log.";
                        return null;
                    }

                    break;
                case "--dependency":
                    var host = Value();
                    if (host is null)
                    {
                        error = "--dependency needs a host name, for example --dependency db.internal.example.com.";
                        return null;
                    }

                    dependencies.Add(host);
                    break;
                case "--max-instances":
                    var n = Value();
                    if (n is null || !int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max is < 1 or > InstanceProbeOptions.MaxInstancesLimit)
                    {
                        error = $"--max-instances takes a number from 1 to {InstanceProbeOptions.MaxInstancesLimit} (got '{n}').";
                        return null;
                    }

                    maxInstances = max;
                    break;
                default:
                    if (a.StartsWith("--", StringComparison.Ordinal))
                    {
                        error = $"Unknown option {a}.";
                        return null;
                    }

                    positional.Add(a);
                    break;
            }
        }

        if (positional.Count == 3 && simulate && scenario is null)
        {
            error = $"No scenario named '{positional[2]}'; `scenarios` lists the built-in ones (or give a .json file).";
            return null;
        }

        if (positional.Count != 2)
        {
            error = positional.Count < 2
                ? "Name the status code and the load balancer, for example: diagnose 503 my-alb"
                : $"Too many arguments: {string.Join(' ', positional.Skip(2))}";
            return null;
        }

        if (!SupportedSymptoms.Contains(positional[0]))
        {
            error = $"There is no runbook for {positional[0]} yet; available: {string.Join(", ", SupportedSymptoms)}.";
            return null;
        }

        InstanceProbeOptions? probe = null;
        if (onInstance)
        {
            probe = new InstanceProbeOptions(
                MaxInstances: maxInstances ?? InstanceProbeOptions.DefaultMaxInstances,
                ServiceName: service,
                LogPath: appLog,
                DependencyHosts: dependencies);
            if (probe.Validate() is { } invalid)
            {
                error = $"--on-instance: {invalid}";
                return null;
            }
        }
        else if (service is not null || appLog is not null || dependencies.Count > 0 || maxInstances is not null)
        {
            error = "--service, --app-log, --dependency and --max-instances configure the on-instance checks: add --on-instance.";
            return null;
        }

        if (!record && database is not null)
        {
            error = "--db names where to keep the transcript and --no-record keeps none: use one of them.";
            return null;
        }

        return new DiagnoseOptions(positional[0], positional[1], region, profile, since, simulate, scenario, output, dns, charts, probe, account, record, database);
    }

    private static bool IsScenario(string word) =>
        !word.StartsWith("--", StringComparison.Ordinal)
        && (ChatOpsBot.Simulator.Scenarios.ScenarioCatalog.Names.Contains(word, StringComparer.Ordinal)
            || word.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || File.Exists(word));

    /// <summary>Parses 90s, 30m, 2h, 1d, or a bare number of minutes.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length == 0)
        {
            return null;
        }

        var unit = char.IsLetter(t[^1]) ? t[^1] : 'm';
        var number = char.IsLetter(t[^1]) ? t[..^1] : t;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return null;
        }

        return unit switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => null,
        };
    }
}
