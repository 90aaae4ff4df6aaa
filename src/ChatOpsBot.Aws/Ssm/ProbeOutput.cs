using System.Globalization;
using ChatOpsBot.Runbooks.Evidence.Instances;

namespace ChatOpsBot.Aws.Ssm;

/// <summary>
/// Reads the probe script's line-oriented output. Tolerates output cut anywhere (SSM returns only the first 24,000
/// characters): facts read before the cut are kept and the missing end marker reports the truncation. Log lines are
/// scrubbed of secrets and shortened.
/// </summary>
internal static class ProbeOutput
{
    /// <summary>Longest log line kept.</summary>
    public const int MaxLogLine = 300;

    public static (InstanceFacts? Facts, bool Truncated) Parse(string? stdout)
    {
        if (string.IsNullOrEmpty(stdout))
        {
            return (null, false);
        }

        var lines = stdout.Split('\n');
        if (!lines.Any(l => l.TrimEnd('\r') == ProbeScript.Header))
        {
            return (null, false);
        }

        string? service = null, host = null;
        var listenersKnown = false;
        var listen = new List<string>();
        LocalHealthCheck? http = null;
        var dns = new List<DependencyResolution>();
        var logs = new List<string>();
        var ended = false;
        var logUnreadable = false;

        // Only lines that ended with a newline are whole: the element after the last newline is empty for complete
        // output, and a line cut in the middle for truncated output; either way it is not read.
        var complete = lines.Length - 1;
        for (var i = 0; i < complete; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var key = space < 0 ? line : line[..space];
            var rest = space < 0 ? string.Empty : line[(space + 1)..];
            switch (key)
            {
                case "host":
                    host = rest.Trim();
                    break;
                case "service":
                    service = rest.Trim() is { Length: > 0 } s ? s : "unknown";
                    break;
                case "listen-tool":
                    listenersKnown = rest.Trim() != "none";
                    break;
                case "listen":
                    listen.Add(rest.Trim());
                    break;
                case "http":
                    http = Http(rest, host);
                    break;
                case "http-tool" when rest.Trim() == "none":
                    http = new LocalHealthCheck(null, LocalHealthCheck.NoClientError, null, host);
                    break;
                case "dns":
                    var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length >= 2 && parts[1] is "ok" or "fail")
                    {
                        dns.Add(new DependencyResolution(parts[0], parts[1] == "ok", parts.Skip(2).ToArray()));
                    }
                    else if (parts.Length == 2 && parts[1] == "unknown")
                    {
                        dns.Add(new DependencyResolution(parts[0], false, [], Known: false));
                    }

                    break;
                case "log-source" when rest.Trim() == "unreadable":
                    logUnreadable = true;
                    break;
                case "log":
                    logs.Add(Scrub(rest));
                    break;
                case ProbeScript.End:
                    ended = true;
                    break;
            }
        }

        return (new InstanceFacts(service, listenersKnown, listen.Distinct(StringComparer.Ordinal).ToArray(), http, dns, logs, logUnreadable), !ended);
    }

    /// <summary>Removes credentials from a log line (AWS keys, password=/token=/secret= values, bearer and basic
    /// credentials, URL user info, private keys, long opaque strings) and shortens it.</summary>
    public static string Scrub(string line)
    {
        var text = line.Replace("\t", " ", StringComparison.Ordinal);
        text = new string(text.Where(c => !char.IsControl(c)).ToArray());
        text = ProbeSecrets.PrivateKey().Replace(text, "[redacted private key]");
        text = ProbeSecrets.AuthorizationValue().Replace(text, "$1 [redacted]");
        text = ProbeSecrets.KeyValue().Replace(text, "$1$2[redacted]");
        text = ProbeSecrets.UrlUserInfo().Replace(text, "://[redacted]@");
        text = Errors.AwsErrorMessages.AccessKeyId().Replace(text, "[redacted]");
        text = Errors.AwsErrorMessages.SecretLike().Replace(text, "[redacted]");
        text = ProbeSecrets.Jwt().Replace(text, "[redacted]");
        return text.Length <= MaxLogLine ? text : text[..MaxLogLine] + "…";
    }

    private static LocalHealthCheck Http(string rest, string? host)
    {
        var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int? code = parts.Length > 0 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c is >= 100 and <= 599 ? c : null;
        long? ms = parts.Length > 1 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
        var error = parts.Length > 2 ? parts[2] : null;
        return new LocalHealthCheck(code, code is null ? (error is null or "ok" ? "no response" : error) : null, ms, host);
    }
}
