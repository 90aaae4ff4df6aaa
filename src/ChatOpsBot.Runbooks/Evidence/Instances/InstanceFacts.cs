namespace ChatOpsBot.Runbooks.Evidence.Instances;

/// <summary>What the probe script saw on one instance.</summary>
/// <param name="ServiceState">systemd's answer for the unit (active, inactive, failed, activating...); null when no unit was asked or systemd is absent.</param>
/// <param name="ListenAddresses">Local addresses with a listening TCP socket on the probed port, as reported (for example <c>127.0.0.1:8080</c>).</param>
/// <param name="Http">The local health-check request; null for TCP checks or when it was not made.</param>
/// <param name="LogLines">The last log lines, scrubbed of secrets and shortened.</param>
/// <param name="LogUnreadable">The application log file asked for is missing or unreadable (so no lines is not "no logs").</param>
public sealed record InstanceFacts(
    string? ServiceState,
    bool ListenersKnown,
    IReadOnlyList<string> ListenAddresses,
    LocalHealthCheck? Http,
    IReadOnlyList<DependencyResolution> Dependencies,
    IReadOnlyList<string> LogLines,
    bool LogUnreadable = false)
{
    /// <summary>How the probed port listens, from <see cref="ListenAddresses"/>.</summary>
    public ListeningState Listening
    {
        get
        {
            if (!ListenersKnown)
            {
                return ListeningState.Unknown;
            }

            if (ListenAddresses.Count == 0)
            {
                return ListeningState.None;
            }

            if (ListenAddresses.Any(IsWildcard))
            {
                return ListeningState.AllInterfaces;
            }

            return ListenAddresses.All(IsLoopback) ? ListeningState.LoopbackOnly : ListeningState.SpecificAddress;
        }
    }

    private static string Host(string address)
    {
        var colon = address.LastIndexOf(':');
        var host = colon > 0 ? address[..colon] : address;
        host = host.Trim('[', ']');
        var zone = host.IndexOf('%', StringComparison.Ordinal);
        return zone >= 0 ? host[..zone] : host;
    }

    private static bool IsWildcard(string address) => Host(address) is "0.0.0.0" or "*" or "::" or "" or "::ffff:0.0.0.0";

    private static bool IsLoopback(string address)
    {
        var host = Host(address);
        return host.StartsWith("127.", StringComparison.Ordinal) || host is "::1" or "localhost" || host.StartsWith("::ffff:127.", StringComparison.Ordinal);
    }
}
