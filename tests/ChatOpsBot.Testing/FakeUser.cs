namespace ChatOpsBot.Testing;

/// <summary>A Discord user of the fake guild. <paramref name="Roles"/> are role ids the user holds as a guild member.</summary>
public sealed record FakeUser(string Id, string Username, string? GlobalName, IReadOnlyList<string> Roles);
