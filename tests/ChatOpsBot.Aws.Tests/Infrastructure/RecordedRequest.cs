using Microsoft.AspNetCore.WebUtilities;

namespace ChatOpsBot.Aws.Tests.Infrastructure;

/// <summary>One request the fake AWS endpoint received.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public IReadOnlyDictionary<string, string> Form { get; } =
        QueryHelpers.ParseQuery(Body).ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);

    /// <summary>The awsQuery/EC2 <c>Action</c>, or the JSON protocol's X-Amz-Target operation.</summary>
    public string Action =>
        Form.TryGetValue("Action", out var action) ? action
        : Headers.TryGetValue("X-Amz-Target", out var target) ? target[(target.LastIndexOf('.') + 1)..]
        : string.Empty;

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;

    public string? FormValue(string name) => Form.TryGetValue(name, out var value) ? value : null;
}
