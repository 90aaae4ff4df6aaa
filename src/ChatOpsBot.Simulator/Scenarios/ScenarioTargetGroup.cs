namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioTargetGroup
{
    public required string Name { get; init; }

    public required string Arn { get; init; }

    public string? Protocol { get; init; } = "HTTP";

    public int? Port { get; init; } = 80;

    public string? VpcId { get; init; }

    /// <summary>instance, ip, lambda or alb.</summary>
    public string TargetType { get; init; } = "instance";

    public string? ProtocolVersion { get; init; } = "HTTP1";

    public string IpAddressType { get; init; } = "ipv4";

    /// <summary>Extra load balancers; those whose listeners forward to this group are added automatically.</summary>
    public IReadOnlyList<string> LoadBalancerArns { get; init; } = [];

    public ScenarioHealthCheck HealthCheck { get; init; } = new();

    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<ScenarioTarget> Targets { get; init; } = [];
}
