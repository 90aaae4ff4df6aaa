using System.Text;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Aws.Sts;

/// <summary>The RoleSessionName the bot gives STS: <c>chatopsbot-&lt;replica-or-host&gt;</c>, so CloudTrail in the
/// target account shows which bot replica acted. STS allows 2 to 64 characters of <c>[\w+=,.@-]</c>.</summary>
internal static partial class RoleSessionNames
{
    public const string Prefix = "chatopsbot-";
    private const int MaxLength = 64;

    public static bool IsValid(string name) => name.Length is >= 2 and <= MaxLength && Allowed().IsMatch(name);

    /// <summary><c>chatopsbot-</c> plus the pod or host name (<c>HOSTNAME</c>, else the machine name), with characters
    /// STS refuses replaced by '-' and cut to 64.</summary>
    public static string Default(Func<string, string?> environment)
    {
        var host = environment("HOSTNAME") is { Length: > 0 } h ? h : Environment.MachineName;
        var builder = new StringBuilder(Prefix, MaxLength);
        foreach (var c in host.Trim())
        {
            if (builder.Length == MaxLength)
            {
                break;
            }

            builder.Append(char.IsAsciiLetterOrDigit(c) || "_+=,.@-".Contains(c, StringComparison.Ordinal) ? c : '-');
        }

        return builder.Length == Prefix.Length ? Prefix + "bot" : builder.ToString();
    }

    [GeneratedRegex(@"^[A-Za-z0-9_+=,.@-]+$")]
    private static partial Regex Allowed();
}
