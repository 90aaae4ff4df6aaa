using ChatOpsBot.Runbooks.Evidence.LoadBalancing;

namespace ChatOpsBot.Runbooks.Http503.Checks;

/// <summary>The Availability Zone of a target: reported by ELB for IP targets, else from its instance or interface.</summary>
internal static class TargetZones
{
    public static string? Zone(Http503Evidence e, TargetHealthDescription t)
    {
        if (!string.IsNullOrEmpty(t.AvailabilityZone))
        {
            return t.AvailabilityZone;
        }

        var instance = e.Instances?.FirstOrDefault(i => i.InstanceId == t.TargetId);
        if (instance?.AvailabilityZone is { } az)
        {
            return az;
        }

        var eni = e.TargetInterfaces?.FirstOrDefault(n => n.PrivateIpAddresses.Contains(t.TargetId) || n.PrivateIpAddress == t.TargetId);
        if (eni?.AvailabilityZone is { } eniAz)
        {
            return eniAz;
        }

        var subnetId = instance?.SubnetId ?? eni?.SubnetId;
        return subnetId is null ? null : e.Subnets?.FirstOrDefault(s => s.SubnetId == subnetId)?.AvailabilityZone;
    }
}
