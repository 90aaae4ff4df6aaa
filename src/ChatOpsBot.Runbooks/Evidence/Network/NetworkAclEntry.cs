namespace ChatOpsBot.Runbooks.Evidence.Network;

/// <param name="Protocol">A protocol number as text (<c>6</c> TCP, <c>17</c> UDP) or <c>-1</c>/<c>all</c> for all.</param>
/// <param name="RuleAction"><c>allow</c> or <c>deny</c>.</param>
/// <param name="PortFrom">Null when the entry covers all ports.</param>
public sealed record NetworkAclEntry(
    int RuleNumber,
    string Protocol,
    string RuleAction,
    bool Egress,
    string? CidrBlock,
    string? Ipv6CidrBlock,
    int? PortFrom,
    int? PortTo);
