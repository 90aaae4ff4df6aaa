namespace ChatOpsBot.Runbooks.Evidence.Network;

public sealed record PrefixListDescription(string PrefixListId, string? Name, IReadOnlyList<string> Cidrs);
