using System.Text.RegularExpressions;
using ChatOpsBot.Runbooks.Messaging;

namespace ChatOpsBot.Discord.Components;

/// <summary>
/// The one grammar of button <c>custom_id</c>s: <c>&lt;action&gt;:&lt;sessionId&gt;[:&lt;arg&gt;]</c>, at most 100
/// characters (Discord's limit). Handlers load state by session id, never from message text.
/// </summary>
public static partial class CustomIdCodec
{
    public const int MaxLength = 100;

    private static readonly (ChatActionKind Kind, string Code)[] Codes =
    [
        (ChatActionKind.ShowEvidence, "evidence"),
        (ChatActionKind.Rerun, "rerun"),
        (ChatActionKind.Acknowledge, "ack"),
        (ChatActionKind.Resolve, "resolve"),
        (ChatActionKind.Transcript, "transcript"),
        (ChatActionKind.CheckInstances, "probe"),
    ];

    public static string Encode(ButtonCommand command)
    {
        if (!SessionIdPattern().IsMatch(command.SessionId))
        {
            throw new ArgumentException($"Session id '{command.SessionId}' is not 1-40 lower-case letters, digits or hyphens.", nameof(command));
        }

        if (command.Argument is { } arg && !ArgumentPattern().IsMatch(arg))
        {
            throw new ArgumentException("A custom_id argument is letters, digits, '.', '_' or '-'.", nameof(command));
        }

        var code = Codes.First(c => c.Kind == command.Action).Code;
        var id = command.Argument is null ? $"{code}:{command.SessionId}" : $"{code}:{command.SessionId}:{command.Argument}";
        if (id.Length > MaxLength)
        {
            throw new ArgumentException($"custom_id '{id}' is longer than {MaxLength} characters.", nameof(command));
        }

        return id;
    }

    /// <summary>Null for anything not produced by <see cref="Encode"/> (another app's, an older grammar, tampering).</summary>
    public static ButtonCommand? Decode(string? customId)
    {
        if (customId is null || customId.Length > MaxLength)
        {
            return null;
        }

        var parts = customId.Split(':');
        if (parts.Length is < 2 or > 3 || !SessionIdPattern().IsMatch(parts[1]) || (parts.Length == 3 && !ArgumentPattern().IsMatch(parts[2])))
        {
            return null;
        }

        var match = Codes.Where(c => c.Code == parts[0]).Select(c => (ChatActionKind?)c.Kind).FirstOrDefault();
        return match is { } kind ? new ButtonCommand(kind, parts[1], parts.Length == 3 ? parts[2] : null) : null;
    }

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex SessionIdPattern();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,40}$")]
    private static partial Regex ArgumentPattern();
}
