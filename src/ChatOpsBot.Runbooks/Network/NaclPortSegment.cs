using ChatOpsBot.Runbooks.Evidence.Network;

namespace ChatOpsBot.Runbooks.Network;

/// <summary>A run of ports decided by one network ACL entry, or by the implicit final deny when
/// <paramref name="Entry"/> is null.</summary>
internal sealed record NaclPortSegment(PortRange Ports, NetworkAclEntry? Entry)
{
    public bool Allows => Entry is not null && string.Equals(Entry.RuleAction.Trim(), "allow", StringComparison.OrdinalIgnoreCase);
}
