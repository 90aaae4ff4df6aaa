namespace ChatOpsBot.Discord.Tests.Support;

/// <summary>A request the fake Discord API received. <see cref="Path"/> is relative to <c>/api/v10/</c>.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}
