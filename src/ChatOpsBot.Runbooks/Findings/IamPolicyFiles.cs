namespace ChatOpsBot.Runbooks.Findings;

/// <summary>Which of the policies shipped in <c>deploy/iam</c> grants an action the bot calls, so an "access denied"
/// line can point at the file to attach. Running commands on instances is opt-in and kept apart from reading; assuming
/// roles is needed only with several accounts; everything else is a read.</summary>
public static class IamPolicyFiles
{
    public const string Folder = "deploy/iam";

    public const string ReadOnly = "chatopsbot-read-only.json";

    public const string SsmProbe = "chatopsbot-ssm-probe.json";

    public const string AssumeTargets = "chatopsbot-assume-targets.json";

    /// <param name="iamAction"><c>service:Action</c>, for example <c>ssm:SendCommand</c>.</param>
    /// <returns>The file name, for example <c>chatopsbot-ssm-probe.json</c>.</returns>
    public static string For(string iamAction) => iamAction switch
    {
        "ssm:SendCommand" or "ssm:GetCommandInvocation" or "ssm:ListCommandInvocations" or "ssm:ListCommands" or "ssm:CancelCommand" => SsmProbe,
        _ when iamAction.StartsWith("sts:", StringComparison.Ordinal) => AssumeTargets,
        _ => ReadOnly,
    };

    /// <summary>The repository path of the policy that grants <paramref name="iamAction"/>.</summary>
    public static string PathFor(string iamAction) => $"{Folder}/{For(iamAction)}";
}
