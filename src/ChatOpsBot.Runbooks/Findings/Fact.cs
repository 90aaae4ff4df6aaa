namespace ChatOpsBot.Runbooks.Findings;

/// <summary>One piece of evidence: a sentence with the resource ids it is about and the API that said so.</summary>
/// <param name="Source">The API behind the fact, for example <c>elasticloadbalancing:DescribeTargetHealth</c>.</param>
public sealed record Fact(string Text, IReadOnlyList<string> Resources, string Source)
{
    public static Fact Of(string source, string text, params string[] resources) => new(text, resources, source);
}
