using System.Text.RegularExpressions;

namespace ChatOpsBot.Runbooks.Engine;

/// <summary>The shape of an AWS region name (<c>us-east-1</c>, <c>ap-southeast-2</c>, <c>us-gov-west-1</c>), checked
/// wherever a person types one: a chat option, a configuration key, a CLI flag.</summary>
public static partial class AwsRegionName
{
    public static bool IsWellFormed(string? region) => region is not null && Pattern().IsMatch(region);

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d{1,2}$")]
    private static partial Regex Pattern();
}
