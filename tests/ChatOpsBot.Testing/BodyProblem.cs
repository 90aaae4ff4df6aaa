namespace ChatOpsBot.Testing;

/// <summary>Why a request or reply body could not be read the way Discord reads it.</summary>
internal enum BodyProblem
{
    None,
    InvalidJson,
    UnsupportedContentType,
    TooLarge,
}
