using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Discord.Configuration;

/// <summary>Start-up checks of <see cref="InstanceProbeSettings"/>, each failure a sentence naming the setting. When
/// the checks are off the other settings are not used, so they are not judged.</summary>
public sealed partial class InstanceProbeSettingsValidator : IValidateOptions<InstanceProbeSettings>
{
    public ValidateOptionsResult Validate(string? name, InstanceProbeSettings options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.Roles.Count == 0)
        {
            failures.Add("InstanceProbe:Roles is empty: with InstanceProbe:Enabled=true, list the Discord role ids allowed to press Check on instances (for example InstanceProbe__Roles__0=<role id>).");
        }

        failures.AddRange(options.Roles
            .Where(r => !Snowflake().IsMatch(r))
            .Select(r => $"InstanceProbe:Roles: '{r}' is not a Discord role id (a number of 15 to 21 digits; Server Settings, Roles, right-click, Copy Role ID)."));
        if (options.ToProbeOptions().Validate() is { } invalid)
        {
            failures.Add($"InstanceProbe: {invalid}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[0-9]{15,21}$")]
    private static partial Regex Snowflake();
}
