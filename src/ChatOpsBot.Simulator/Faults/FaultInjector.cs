using ChatOpsBot.Simulator.Hosting;
using ChatOpsBot.Simulator.Scenarios;

namespace ChatOpsBot.Simulator.Faults;

/// <summary>Holds the active faults and decides, per call, the extra latency and the error (if any) to answer with.</summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<ActiveFault> _faults = [];
    private readonly string _accountId;

    public FaultInjector(IEnumerable<ScenarioFault> faults, string accountId)
    {
        _accountId = accountId;
        foreach (var fault in faults)
        {
            Add(fault);
        }
    }

    public void Add(ScenarioFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _faults.Add(new ActiveFault(fault, fault.Times));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>Consumes one use of the first matching fault.</summary>
    public (TimeSpan Latency, AwsErrorException? Error) Next(string service, string action, AwsProtocol protocol)
    {
        lock (_gate)
        {
            var active = _faults.FirstOrDefault(f => f.Remaining is null or > 0
                && (f.Fault.Service == "*" || string.Equals(f.Fault.Service, service, StringComparison.OrdinalIgnoreCase))
                && (f.Fault.Action == "*" || string.Equals(f.Fault.Action, action, StringComparison.Ordinal)));
            if (active is null)
            {
                return (TimeSpan.Zero, null);
            }

            if (active.Remaining is not null)
            {
                active.Remaining--;
            }

            var fault = active.Fault;
            var error = fault.Error is null
                ? null
                : new AwsErrorException(
                    fault.Error,
                    fault.Message ?? DefaultMessage(fault.Error, service, action),
                    fault.HttpStatus ?? DefaultStatus(fault.Error, protocol));
            return (TimeSpan.FromMilliseconds(fault.LatencyMs), error);
        }
    }

    /// <summary>The HTTP status AWS uses for a well-known error code.</summary>
    internal static int DefaultStatus(string code, AwsProtocol protocol) => code switch
    {
        "AccessDenied" or "UnauthorizedOperation" or "AuthFailure" => 403,
        "AccessDeniedException" => protocol == AwsProtocol.Json ? 400 : 403,
        "RequestLimitExceeded" or "ServiceUnavailable" or "Unavailable" => 503,
        "InternalFailure" or "InternalError" or "InternalServerError" or "ServiceFailure" => 500,
        "PriorRequestNotComplete" or "TooManyRequestsException" => 429,
        _ => 400,
    };

    private string DefaultMessage(string code, string service, string action)
    {
        var iamService = service switch
        {
            "elb" => "elasticloadbalancing",
            "monitoring" => "cloudwatch",
            _ => service,
        };
        var user = $"arn:aws:iam::{_accountId}:user/chatops-bot";
        return code switch
        {
            "AccessDenied" or "AccessDeniedException" =>
                $"User: {user} is not authorized to perform: {iamService}:{action} because no identity-based policy allows the {iamService}:{action} action",
            "UnauthorizedOperation" => $"You are not authorized to perform this operation. User: {user} is not authorized to perform: ec2:{action} because no identity-based policy allows the ec2:{action} action",
            "Throttling" or "ThrottlingException" => "Rate exceeded",
            "RequestLimitExceeded" => "Request limit exceeded.",
            "InternalFailure" or "InternalError" or "InternalServerError" => "The request processing has failed because of an unknown error, exception or failure.",
            "ServiceUnavailable" => "Service is unavailable. Try again later.",
            _ => $"Simulated fault {code}.",
        };
    }

    private sealed class ActiveFault(ScenarioFault fault, int? remaining)
    {
        public ScenarioFault Fault { get; } = fault;

        public int? Remaining { get; set; } = remaining;
    }
}
