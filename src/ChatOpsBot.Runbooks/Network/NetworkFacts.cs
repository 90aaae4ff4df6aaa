using ChatOpsBot.Runbooks.Evidence.Network;

namespace ChatOpsBot.Runbooks.Network;

/// <summary>The EC2 facts a path is judged from. Nothing here is fetched: the caller gathers it first.</summary>
/// <param name="PrefixLists">The managed prefix lists that security-group rules reference; a referenced list that is
/// missing here is reported as "could not be evaluated" and treated as not matching.</param>
/// <param name="Vpc">The VPC, used to pick the right default network ACL; may be null.</param>
public sealed record NetworkFacts(
    IReadOnlyList<SecurityGroupDescription> SecurityGroups,
    IReadOnlyList<NetworkAclDescription> NetworkAcls,
    IReadOnlyList<SubnetDescription> Subnets,
    IReadOnlyList<PrefixListDescription> PrefixLists,
    VpcDescription? Vpc);
