namespace ChatOpsBot.Testing;

/// <summary>How <see cref="FakeDiscord.SendWithBadSignatureAsync"/> spoils a request. A correct bot answers 401 to each.</summary>
public enum SignatureFault
{
    /// <summary>A valid signature with one bit flipped.</summary>
    FlippedBit,

    /// <summary>Signed with another Ed25519 key.</summary>
    WrongKey,

    /// <summary>Signed correctly, then one byte of the body changed.</summary>
    BodyChangedAfterSigning,

    /// <summary>Signed over a different timestamp than the header carries.</summary>
    TimestampMismatch,

    /// <summary>No <c>X-Signature-Ed25519</c> header.</summary>
    MissingSignature,

    /// <summary>No <c>X-Signature-Timestamp</c> header.</summary>
    MissingTimestamp,

    /// <summary>A signature header that is not 128 hex characters.</summary>
    MalformedSignature,
}
