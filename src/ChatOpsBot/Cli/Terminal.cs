#pragma warning disable RS0030 // The one place allowed to touch System.Console.
namespace ChatOpsBot.Cli;

/// <summary>The CLI's output: the report on <see cref="Out"/>, progress and errors on <see cref="Error"/>.</summary>
public sealed class Terminal(TextWriter output, TextWriter error, bool color)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>ANSI colours on stdout (a terminal, and NO_COLOR unset).</summary>
    public bool Color { get; } = color;

    /// <summary>Whether stdout is a terminal (a person reading) rather than a pipe, file or log collector.</summary>
    public bool Interactive { get; init; }

    public static Terminal FromConsole()
    {
        var color = !Console.IsOutputRedirected
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            && Environment.GetEnvironmentVariable("TERM") != "dumb";
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return new Terminal(Console.Out, Console.Error, color) { Interactive = !Console.IsOutputRedirected };
    }

    public static void OnCancel(Action cancel) => Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel();
    };
}
