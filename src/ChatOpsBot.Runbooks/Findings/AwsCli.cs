using System.Globalization;
using System.Text;

namespace ChatOpsBot.Runbooks.Findings;

/// <summary>Builds copy-pasteable <c>aws</c> CLI commands (POSIX shell quoting) from real resource ids.</summary>
public static class AwsCli
{
    /// <param name="words">The command words after <c>aws</c>, for example "elbv2", "modify-target-group".</param>
    /// <param name="options">Option name (without dashes) and value: a string, a list of strings (several
    /// arguments, as <c>--instance-ids a b</c>), or null for a flag.</param>
    public static string Command(string region, IReadOnlyList<string> words, params (string Name, object? Value)[] options)
    {
        var sb = new StringBuilder("aws");
        foreach (var w in words)
        {
            sb.Append(' ').Append(w);
        }

        foreach (var (name, value) in options)
        {
            sb.Append(" --").Append(name);
            switch (value)
            {
                case string one:
                    sb.Append(' ').Append(Quote(one));
                    break;
                case IEnumerable<string> many:
                    foreach (var v in many)
                    {
                        sb.Append(' ').Append(Quote(v));
                    }

                    break;
            }
        }

        sb.Append(" --region ").Append(Quote(region));
        return sb.ToString();
    }

    /// <summary><c>aws ssm send-command</c> running <paramref name="commands"/> with AWS-RunShellScript on
    /// <paramref name="instanceIds"/> (the commands parameter in the CLI's shorthand list syntax, each command a
    /// double-quoted string).</summary>
    public static string RunShellScript(string region, IReadOnlyList<string> instanceIds, string comment, IEnumerable<string> commands) =>
        Command(region, ["ssm", "send-command"],
            ("document-name", "AWS-RunShellScript"),
            ("instance-ids", instanceIds),
            ("comment", comment),
            ("parameters", "commands=[" + string.Join(",", commands.Select(c => "\"" + c.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")) + "]"));

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Quotes a value for a POSIX shell only when it needs it.</summary>
    public static string Quote(string value)
    {
        if (value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,@+%".Contains(c, StringComparison.Ordinal)))
        {
            return value;
        }

        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
