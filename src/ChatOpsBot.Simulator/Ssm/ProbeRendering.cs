using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ChatOpsBot.Simulator.Scenarios;

namespace ChatOpsBot.Simulator.Ssm;

/// <summary>
/// Renders scenario instance facts the way the bot's probe script prints them on a real host. The simulator reads
/// only the script's variable assignments (port, dependencies, Host header candidates) from the sent command, as
/// a shell would before running the body.
/// </summary>
internal static partial class ProbeRendering
{
    public static string Render(ScenarioInstanceProbe probe, string script, string? privateIp)
    {
        var vars = Assignments(script);
        var port = vars.GetValueOrDefault("PORT") ?? "80";
        var host = (vars.GetValueOrDefault("TARGETS") ?? string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('|', 2))
            .Where(p => p.Length == 2 && p[0] == privateIp)
            .Select(p => p[1])
            .FirstOrDefault() ?? $"{privateIp ?? "127.0.0.1"}:{port}";
        var sb = new StringBuilder();
        sb.Append("chatopsbot-probe 1\n");
        sb.Append("host ").Append(host).Append('\n');
        if (!string.IsNullOrEmpty(vars.GetValueOrDefault("UNIT")) && probe.ServiceState is { } state)
        {
            sb.Append("service ").Append(state).Append('\n');
        }

        sb.Append("listen-tool ss\n");
        foreach (var address in probe.Listen.Where(a => a.EndsWith(":" + port, StringComparison.Ordinal)))
        {
            sb.Append("listen ").Append(address).Append('\n');
        }

        if (vars.GetValueOrDefault("PROTO") is "HTTP" or "HTTPS")
        {
            sb.Append(probe.HttpStatus is { } code && probe.Listen.Any(a => a.EndsWith(":" + port, StringComparison.Ordinal))
                ? $"http {code.ToString(CultureInfo.InvariantCulture)} {probe.LatencyMs.ToString(CultureInfo.InvariantCulture)} ok\n"
                : $"http 000 {probe.LatencyMs.ToString(CultureInfo.InvariantCulture)} {probe.HttpError ?? "refused"}\n");
        }

        foreach (var dep in (vars.GetValueOrDefault("DEPS") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            sb.Append(probe.Resolves.TryGetValue(dep, out var addresses) && addresses.Count > 0
                ? $"dns {dep} ok {string.Join(' ', addresses)} \n"
                : $"dns {dep} fail\n");
        }

        if (probe.LogLines.Count > 0 || probe.PadOutputTo > 0)
        {
            sb.Append("log-source journal\n");
            foreach (var line in probe.LogLines)
            {
                sb.Append("log ").Append(line).Append('\n');
            }

            for (var i = 1; sb.Length < probe.PadOutputTo; i++)
            {
                sb.Append("log request ").Append(i.ToString(CultureInfo.InvariantCulture)).Append(" served in 2 ms by worker 7 of the orders pool\n");
            }
        }

        sb.Append("end\n");
        return sb.ToString();
    }

    /// <summary>NAME='value' lines with sh single-quote escaping ('\'').</summary>
    private static Dictionary<string, string> Assignments(string script)
    {
        var vars = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Assignment().Matches(script))
        {
            vars.TryAdd(m.Groups[1].Value, m.Groups[2].Value.Replace("'\\''", "'", StringComparison.Ordinal));
        }

        return vars;
    }

    [GeneratedRegex(@"^([A-Z_]+)='((?:[^']|'\\'')*)'$", RegexOptions.Multiline)]
    private static partial Regex Assignment();
}
