namespace ChatOpsBot.Runbooks.Network;

/// <summary>An inclusive range of TCP ports.</summary>
public sealed record PortRange(int From, int To)
{
    /// <summary>The ports a load-balancer node may use as source port, so the ports replies go back to.</summary>
    public static PortRange Ephemeral { get; } = new(1024, 65535);

    public static PortRange Single(int port) => new(port, port);

    public override string ToString() => From == To ? From.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{From}-{To}";
}
