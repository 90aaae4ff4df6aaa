namespace ChatOpsBot.Runbooks.Engine;

/// <summary>A diagnosis named an account alias that is not configured.</summary>
public sealed class UnknownAccountException(string alias, IReadOnlyList<string> configured)
    : ArgumentException(Sentence(alias, configured))
{
    public string Alias { get; } = alias;

    public IReadOnlyList<string> Configured { get; } = configured;

    private static string Sentence(string alias, IReadOnlyList<string> configured) => configured.Count == 0
        ? $"No AWS account alias '{alias}' is configured, and none are: add Aws:Accounts:{alias}:RoleArn to the configuration, or leave the account out to use the bot's own credentials."
        : $"No AWS account alias '{alias}' is configured; configured aliases: {string.Join(", ", configured)}.";
}
