namespace ChatOpsBot.Testing;

/// <summary>A file part of a multipart body: <paramref name="FieldName"/> is e.g. <c>files[0]</c>,
/// <paramref name="Index"/> the n of <c>files[n]</c> (null for other field names).</summary>
public sealed record UploadedFile(string FieldName, int? Index, string FileName, string? ContentType, byte[] Content);
