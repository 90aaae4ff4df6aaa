using System.Globalization;
using System.Text;
using ChatOpsBot.Runbooks.Evidence.Instances;

namespace ChatOpsBot.Aws.Ssm;

/// <summary>
/// The read-only POSIX sh script sent with AWS-RunShellScript. It changes nothing: it reads the unit's state, the
/// listening sockets, asks the health path on 127.0.0.1 with the load balancer's Host header and User-Agent, resolves
/// the dependencies and prints the last log lines, one fact per line (see <see cref="ProbeOutput"/>). Every value
/// from the request is assigned once at the top, single-quoted, and only ever expanded inside double quotes.
/// </summary>
internal static class ProbeScript
{
    public const string Header = "chatopsbot-probe 1";

    public const string End = "end";

    /// <summary>Longest log line the script prints (the parser shortens further).</summary>
    public const int MaxLogLineBytes = 400;

    public static string Build(InstanceProbeRequest request)
    {
        var o = request.Options;
        var timeout = Math.Max(1, (int)Math.Ceiling(request.HealthCheckTimeout.TotalSeconds));
        var targets = string.Join(' ', request.Targets
            .Where(t => t.PrivateIpAddress is not null && t.HostHeader is not null)
            .Select(t => t.PrivateIpAddress + "|" + t.HostHeader));
        var sb = new StringBuilder();
        sb.Append("# ChatOpsBot read-only 503 probe: reads state, changes nothing.\n");
        sb.Append("set -f\nLC_ALL=C\nexport LC_ALL\n");
        Assign(sb, "PORT", request.Port.ToString(CultureInfo.InvariantCulture));
        Assign(sb, "PROTO", request.HealthCheckProtocol);
        Assign(sb, "HC_PATH", string.IsNullOrEmpty(request.HealthCheckPath) ? "/" : request.HealthCheckPath);
        Assign(sb, "HC_TIMEOUT", timeout.ToString(CultureInfo.InvariantCulture));
        Assign(sb, "UNIT", o.ServiceName ?? string.Empty);
        Assign(sb, "LOG_PATH", o.LogPath ?? string.Empty);
        Assign(sb, "LOG_LINES", o.LogLines.ToString(CultureInfo.InvariantCulture));
        Assign(sb, "DEPS", string.Join(' ', o.Dependencies));
        Assign(sb, "TARGETS", targets);
        sb.Append(Body);
        return sb.ToString();
    }

    /// <summary>Single-quotes a value for sh (a quote becomes <c>'\''</c>); nothing inside is ever interpreted.</summary>
    internal static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static void Assign(StringBuilder sb, string name, string value) => sb.Append(name).Append('=').Append(Quote(value)).Append('\n');

    // Every expansion of a request value is double-quoted, except DEPS and TARGETS, which hold only validated host
    // names and addresses and are split on spaces on purpose (with globbing off: set -f).
    private static readonly string Body = $$"""
        echo {{Quote(Header)}}
        has() { command -v "$1" >/dev/null 2>&1; }
        LOCAL_IPS=$(hostname -I 2>/dev/null)
        if [ -z "$LOCAL_IPS" ] && has ip; then LOCAL_IPS=$(ip -o addr show 2>/dev/null | awk '{ split($4, a, "/"); print a[1] }'); fi
        HOST_HDR=''
        for pair in $TARGETS; do
          for a in $LOCAL_IPS; do
            if [ "$a" = "${pair%%|*}" ]; then HOST_HDR="${pair#*|}"; fi
          done
        done
        if [ -z "$HOST_HDR" ]; then
          first=''
          for a in $LOCAL_IPS; do case "$a" in 127.*|::1|*:*) ;; *) if [ -z "$first" ]; then first="$a"; fi ;; esac; done
          HOST_HDR="${first:-127.0.0.1}:$PORT"
        fi
        echo "host $HOST_HDR"
        if [ -n "$UNIT" ]; then
          if has systemctl; then echo "service $(systemctl is-active -- "$UNIT" 2>/dev/null | head -n 1)"; else echo 'service unknown'; fi
        fi
        if has ss; then
          echo 'listen-tool ss'
          ss -ltn 2>/dev/null | awk -v p=":$PORT" 'NR > 1 { n = length($4) - length(p); if (n >= 0 && substr($4, n + 1) == p) print "listen " $4 }'
        elif has netstat; then
          echo 'listen-tool netstat'
          netstat -ltn 2>/dev/null | awk -v p=":$PORT" '$1 ~ /^tcp/ { n = length($4) - length(p); if (n >= 0 && substr($4, n + 1) == p) print "listen " $4 }'
        else
          echo 'listen-tool none'
        fi
        if [ "$PROTO" = HTTP ] || [ "$PROTO" = HTTPS ]; then
          scheme=http
          if [ "$PROTO" = HTTPS ]; then scheme=https; fi
          url="$scheme://127.0.0.1:$PORT$HC_PATH"
          if has curl; then
            out=$(curl -gks -o /dev/null -H "Host: $HOST_HDR" -A 'ELB-HealthChecker/2.0' --max-time "$HC_TIMEOUT" -w '%{http_code} %{time_total}' "$url" 2>/dev/null)
            rc=$?
            ms=$(echo "$out" | awk '{ printf "%d", $2 * 1000 }')
            case "$rc" in 0) err=ok ;; 7) err=refused ;; 28) err=timeout ;; *) err="curl-$rc" ;; esac
            echo "http ${out%% *} ${ms:-0} $err"
          elif has wget; then
            start=$(date +%s%N)
            out=$(wget -S -O /dev/null --no-check-certificate -T "$HC_TIMEOUT" -t 1 --header "Host: $HOST_HDR" -U 'ELB-HealthChecker/2.0' "$url" 2>&1)
            rc=$?
            end=$(date +%s%N)
            code=$(echo "$out" | awk '/^ *HTTP\// { c = $2 } END { print c + 0 }')
            case "$start$end" in *[!0-9]*) ms=0 ;; *) ms=$(( (end - start) / 1000000 )) ;; esac
            err=ok
            if [ "$code" = 0 ]; then
              case "$out" in *refused*) err=refused ;; *"timed out"*) err=timeout ;; *) err="wget-$rc" ;; esac
            fi
            echo "http $code $ms $err"
          else
            echo 'http-tool none'
          fi
        fi
        for h in $DEPS; do
          if has getent; then
            if has timeout; then a=$(timeout 3 getent hosts "$h" 2>/dev/null | awk '{ print $1 }' | tr '\n' ' '); else a=$(getent hosts "$h" 2>/dev/null | awk '{ print $1 }' | tr '\n' ' '); fi
            if [ -n "$a" ]; then echo "dns $h ok $a"; else echo "dns $h fail"; fi
          else
            echo "dns $h unknown"
          fi
        done
        if [ "$LOG_LINES" -gt 0 ]; then
          if [ -n "$LOG_PATH" ]; then
            if [ -r "$LOG_PATH" ]; then
              echo 'log-source file'
              tail -n "$LOG_LINES" -- "$LOG_PATH" 2>/dev/null | cut -c 1-{{MaxLogLineBytes.ToString(CultureInfo.InvariantCulture)}} | sed 's/^/log /'
            else
              echo 'log-source unreadable'
            fi
          elif [ -n "$UNIT" ] && has journalctl; then
            echo 'log-source journal'
            journalctl -u "$UNIT" --no-pager -n "$LOG_LINES" -o short-iso 2>/dev/null | cut -c 1-{{MaxLogLineBytes.ToString(CultureInfo.InvariantCulture)}} | sed 's/^/log /'
          fi
        fi
        echo {{Quote(End)}}

        """;
}
