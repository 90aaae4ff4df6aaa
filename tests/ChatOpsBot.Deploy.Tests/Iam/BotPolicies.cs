using ChatOpsBot.Deploy.Tests.Support;

namespace ChatOpsBot.Deploy.Tests.Iam;

/// <summary>The bot's identity policies in deploy/iam, and which one must grant a given action.</summary>
internal static class BotPolicies
{
    public const string ReadOnly = "chatopsbot-read-only.json";
    public const string SsmProbe = "chatopsbot-ssm-probe.json";
    public const string AssumeTargets = "chatopsbot-assume-targets.json";
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

    /// <summary>Running commands on instances is opt-in and kept apart from reading; assuming roles is needed only with
    /// several accounts; everything else is a read.</summary>
    public static string FileFor(AwsAction action) => action switch
    {
        { Service: "ssm", Name: "SendCommand" or "GetCommandInvocation" or "ListCommandInvocations" or "ListCommands" or "CancelCommand" } => SsmProbe,
        { Service: "sts" } => AssumeTargets,
        _ => ReadOnly,
    };

    public static IamPolicy Load(string file) => IamPolicy.Load(DeployPaths.Deploy("iam", file));
}
