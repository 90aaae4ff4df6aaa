using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>A JSON or multipart body, parsed: the JSON (multipart: <c>payload_json</c>) and the file parts.</summary>
internal sealed record ParsedBody(JsonNode? Json, IReadOnlyList<UploadedFile> Files, BodyProblem Problem, string? Detail)
{
    public static readonly ParsedBody Empty = new(null, [], BodyProblem.None, null);

    public IReadOnlySet<int> FileIndexes => Files.Where(f => f.Index is not null).Select(f => f.Index!.Value).ToHashSet();
}
