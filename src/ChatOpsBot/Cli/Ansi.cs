namespace ChatOpsBot.Cli;

/// <summary>ANSI styling that disappears when colour is off.</summary>
internal sealed class Ansi(bool enabled)
{
    public string Bold(string s) => Wrap("1", s);

    public string Dim(string s) => Wrap("2", s);

    public string Red(string s) => Wrap("31", s);

    public string Green(string s) => Wrap("32", s);

    public string Yellow(string s) => Wrap("33", s);

    public string Cyan(string s) => Wrap("36", s);

    private string Wrap(string code, string s) => enabled ? $"\u001b[{code}m{s}\u001b[0m" : s;
}
