using System.Text.RegularExpressions;

namespace ChatOpsBot.Aws.Configuration;

/// <summary>The grammar of account aliases, role ARNs, external ids and session names, checked at start-up.</summary>
internal static partial class AwsAccountAlias
{
    public const int MaxAliasLength = 32;

    /// <summary>Letters, digits, '-' and '_', starting with a letter or digit: safe in a CLI flag, a Discord
    /// option value, a <c>custom_id</c> and a configuration key.</summary>
    public static bool IsValid(string alias) => AliasPattern().IsMatch(alias);

    public static bool IsRoleArn(string arn) => RoleArnPattern().IsMatch(arn);

    public static bool IsExternalId(string externalId) => externalId.Length is >= 2 and <= 1224 && ExternalIdPattern().IsMatch(externalId);

    public static bool IsRegion(string region) => Runbooks.Engine.AwsRegionName.IsWellFormed(region);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
    private static partial Regex AliasPattern();

    [GeneratedRegex(@"^arn:aws(-cn|-us-gov|-iso|-iso-[a-z])?:iam::\d{12}:role/[\w+=,.@/-]{1,576}$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^[\w+=,.@:/-]+$")]
    private static partial Regex ExternalIdPattern();
}
