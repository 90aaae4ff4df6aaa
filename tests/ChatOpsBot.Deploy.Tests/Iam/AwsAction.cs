namespace ChatOpsBot.Deploy.Tests.Iam;

/// <summary>One IAM action, <c>prefix:Name</c> (for example <c>elasticloadbalancing:DescribeTargetHealth</c>).</summary>
internal sealed record AwsAction(string Service, string Name) : IComparable<AwsAction>
{
    public static AwsAction Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < text.Length - 1
            ? new AwsAction(text[..colon], text[(colon + 1)..])
            : throw new FormatException($"'{text}' is not an IAM action of the form service:Action.");
    }

    public int CompareTo(AwsAction? other) => string.CompareOrdinal(ToString(), other?.ToString());

    public override string ToString() => $"{Service}:{Name}";
}
