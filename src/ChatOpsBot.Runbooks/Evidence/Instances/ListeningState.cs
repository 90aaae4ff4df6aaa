namespace ChatOpsBot.Runbooks.Evidence.Instances;

public enum ListeningState
{
    /// <summary>Neither ss nor netstat could list sockets.</summary>
    Unknown,

    /// <summary>Nothing listens on the port.</summary>
    None,

    /// <summary>Listening on 127.0.0.1 or ::1 only: unreachable from the load balancer.</summary>
    LoopbackOnly,

    /// <summary>Listening on one non-loopback address (not the wildcard).</summary>
    SpecificAddress,

    /// <summary>Listening on 0.0.0.0 or :: (every interface).</summary>
    AllInterfaces,
}
