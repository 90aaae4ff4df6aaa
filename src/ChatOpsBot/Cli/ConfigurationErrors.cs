using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Cli;

/// <summary>Turns options validation failures into the plain sentences the options declare.</summary>
internal static partial class ConfigurationErrors
{
    public static IEnumerable<string> Sentences(OptionsValidationException e) =>
        e.Failures.Select(f => Quoted().Match(f) is { Success: true } m ? m.Groups[1].Value : f);

    [GeneratedRegex("with the error: '(.*)'\\.?$")]
    private static partial Regex Quoted();
}
