using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ChatOpsBot.Aws.Configuration;

/// <summary>Reads the named accounts from configuration: <c>Aws:Accounts:&lt;alias&gt;:RoleArn|ExternalId|Region|DurationSeconds</c>,
/// <c>Aws:DefaultAccount</c> and <c>Aws:RoleSessionName</c> (environment variables use <c>__</c> for <c>:</c>).</summary>
public static class AwsAccountsConfiguration
{
    public const string Section = "Aws";

    private static readonly string[] KnownKeys =
        [nameof(AwsAccountSettings.RoleArn), nameof(AwsAccountSettings.ExternalId), nameof(AwsAccountSettings.Region), nameof(AwsAccountSettings.DurationSeconds)];

    /// <summary><paramref name="settings"/> with the accounts of <paramref name="configuration"/>, validated.</summary>
    /// <exception cref="ArgumentException">A setting is malformed; the message names it.</exception>
    public static AwsConnectionSettings Apply(AwsConnectionSettings settings, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configuration);
        var aws = configuration.GetSection(Section);
        var accounts = new Dictionary<string, AwsAccountSettings>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in aws.GetSection("Accounts").GetChildren())
        {
            var key = $"{Section}:Accounts:{entry.Key}";
            var unknown = entry.GetChildren().Select(c => c.Key).FirstOrDefault(k => !KnownKeys.Contains(k, StringComparer.OrdinalIgnoreCase));
            if (unknown is not null)
            {
                throw new ArgumentException($"{key}:{unknown} is not a known setting; an account takes {string.Join(", ", KnownKeys)}.");
            }

            int? duration = null;
            if (NonEmpty(entry[nameof(AwsAccountSettings.DurationSeconds)]) is { } text)
            {
                duration = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                    ? seconds
                    : throw new ArgumentException($"{key}:DurationSeconds must be a whole number of seconds from 900 to 43200 (was '{text}').");
            }

            accounts[entry.Key] = new AwsAccountSettings
            {
                RoleArn = NonEmpty(entry[nameof(AwsAccountSettings.RoleArn)]) ?? string.Empty,
                ExternalId = NonEmpty(entry[nameof(AwsAccountSettings.ExternalId)]),
                Region = NonEmpty(entry[nameof(AwsAccountSettings.Region)]),
                DurationSeconds = duration,
            };
        }

        var result = settings.WithAccounts(
            accounts.Count > 0 ? accounts : settings.Accounts,
            NonEmpty(aws["DefaultAccount"]) ?? settings.DefaultAccount,
            NonEmpty(aws["RoleSessionName"]) ?? settings.RoleSessionName);
        result.Validate();
        return result;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
