namespace ChatOpsBot.Testing;

/// <summary>How an interaction was acknowledged.</summary>
public enum AcknowledgementKind
{
    /// <summary>Not (yet) acknowledged.</summary>
    None,

    /// <summary>By the body of the bot's HTTP reply.</summary>
    HttpReply,

    /// <summary>By <c>POST /interactions/{id}/{token}/callback</c>.</summary>
    RestCallback,
}
