using System.Text.RegularExpressions;

namespace ChatOpsBot.Runbooks.Engine;

/// <summary>A load balancer named by the user: a name, or an ARN (with the region and type it carries).</summary>
public sealed partial record LoadBalancerIdentifier(string Value, bool IsArn, string? Region, string? Kind)
{
    /// <summary>Parses user input. Returns null and a sentence saying what is wrong when it is neither a valid name nor a valid ARN.</summary>
    public static LoadBalancerIdentifier? Parse(string input, out string? error)
    {
        var value = input.Trim();
        error = null;
        if (value.StartsWith("arn:", StringComparison.Ordinal))
        {
            var m = ArnPattern().Match(value);
            if (!m.Success)
            {
                error = $"'{value}' is not a valid load balancer ARN; expected arn:aws:elasticloadbalancing:REGION:ACCOUNT:loadbalancer/app|net/NAME/ID.";
                return null;
            }

            return new LoadBalancerIdentifier(value, true, m.Groups["region"].Value, m.Groups["kind"].Success ? m.Groups["kind"].Value : "classic");
        }

        if (value.Length is 0 or > 32 || !NamePattern().IsMatch(value))
        {
            error = $"'{value}' is not a valid load balancer name: 1 to 32 letters, digits and hyphens, not starting or ending with a hyphen.";
            return null;
        }

        return new LoadBalancerIdentifier(value, false, null, null);
    }

    [GeneratedRegex(@"^arn:aws(-[a-z]+)*:elasticloadbalancing:(?<region>[a-z]{2}(-[a-z]+)+-\d):(?<account>\d{12}):loadbalancer/((?<kind>app|net|gwy)/(?<name>[A-Za-z0-9-]{1,32})/(?<id>[0-9a-f]{16})|(?<classic>[A-Za-z0-9-]{1,32}))$")]
    private static partial Regex ArnPattern();

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$")]
    private static partial Regex NamePattern();
}
