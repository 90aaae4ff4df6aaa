namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>
/// What an instance would show the bot's read-only probe script; the simulator renders it in the script's output
/// format (one fact per line) as the command's standard output.
/// </summary>
public sealed record ScenarioInstanceProbe
{
    /// <summary>systemd's answer for the unit (active, inactive, failed...); null prints no service line.</summary>
    public string? ServiceState { get; init; }

    /// <summary>Local addresses listening on the probed port, such as <c>0.0.0.0:8080</c> or <c>127.0.0.1:8080</c>.</summary>
    public IReadOnlyList<string> Listen { get; init; } = [];

    /// <summary>What the local health-check request answers; null means no response (see <see cref="HttpError"/>).</summary>
    public int? HttpStatus { get; init; }

    /// <summary>refused or timeout when there is no response; default refused.</summary>
    public string? HttpError { get; init; }

    /// <summary>How long the local request took.</summary>
    public int LatencyMs { get; init; } = 3;

    /// <summary>Host names that resolve on the instance, with their addresses; any other asked name does not.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Resolves { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The last log lines (journal or file).</summary>
    public IReadOnlyList<string> LogLines { get; init; } = [];

    /// <summary>Pads the output with further log lines to at least this many characters (to exceed SSM's 24,000).</summary>
    public int PadOutputTo { get; init; }
}
