namespace ChatOpsBot.Testing;

/// <summary>What a <see cref="RecordedCall"/> is.</summary>
public enum CallKind
{
    /// <summary>The bot's HTTP reply to an interaction the fake sent (the inline initial callback).</summary>
    InitialReply,

    /// <summary>A REST request the bot made to the fake's API.</summary>
    Rest,
}
