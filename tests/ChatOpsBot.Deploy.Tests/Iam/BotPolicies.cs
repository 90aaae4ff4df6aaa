using ChatOpsBot.Deploy.Tests.Support;
using ChatOpsBot.Runbooks.Findings;

namespace ChatOpsBot.Deploy.Tests.Iam;

/// <summary>The bot's identity policies in deploy/iam, and which one must grant a given action.</summary>
internal static class BotPolicies
{
    public const string ReadOnly = IamPolicyFiles.ReadOnly;
    public const string SsmProbe = IamPolicyFiles.SsmProbe;
    public const string AssumeTargets = IamPolicyFiles.AssumeTargets;
    public const string TargetTrust = "target-account-trust-policy.json";

    /// <summary>The policies attached to the bot's own role (the trust policy belongs to the target accounts' roles).</summary>
    public static readonly string[] IdentityPolicies = [ReadOnly, SsmProbe, AssumeTargets];

    /// <summary>Calls IAM never authorises (any identity may make them), so no policy lists them.</summary>
    public static readonly IReadOnlySet<AwsAction> NeedNoPermission = new HashSet<AwsAction>
    {
        new("sts", "GetCallerIdentity"),
        new("sts", "AssumeRoleWithWebIdentity"),
        new("sts", "AssumeRoleWithSAML"),
    };

    /// <summary>The bot's own mapping (the one its "access denied" advice names), held to the policy files by the tests.</summary>
    public static string FileFor(AwsAction action) => IamPolicyFiles.For(action.ToString());

    public static IamPolicy Load(string file) => IamPolicy.Load(DeployPaths.Deploy("iam", file));
}
