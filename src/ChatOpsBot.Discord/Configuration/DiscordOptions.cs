using System.ComponentModel.DataAnnotations;

namespace ChatOpsBot.Discord.Configuration;

/// <summary>The bot's Discord settings (section <c>Discord</c>). The token and public key are secrets: no defaults,
/// never logged.</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>The application id (a snowflake) from the Developer Portal.</summary>
    [Required(ErrorMessage = "Discord:ApplicationId is missing: copy the Application ID from the Developer Portal (General Information).")]
    [RegularExpression("^[0-9]{15,21}$", ErrorMessage = "Discord:ApplicationId must be the numeric Application ID (a snowflake).")]
    public string? ApplicationId { get; set; }

    /// <summary>The application's public key (64 hex characters), used to verify every interaction's signature.</summary>
    [Required(ErrorMessage = "Discord:PublicKey is missing: copy the Public Key from the Developer Portal (General Information).")]
    [RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "Discord:PublicKey must be the 64 hexadecimal characters shown as Public Key in the Developer Portal.")]
    public string? PublicKey { get; set; }

    /// <summary>The bot token (Developer Portal, Bot, Reset Token). Used for channel messages and command registration.</summary>
    [Required(ErrorMessage = "Discord:BotToken is missing: create one in the Developer Portal (Bot, Reset Token) and pass it as the environment variable Discord__BotToken.")]
    public string? BotToken { get; set; }

    /// <summary>The REST API base URL; tests point it at a loopback fake.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10/");

    /// <summary>Who may use the bot. Empty lists allow everyone.</summary>
    public DiscordAccessOptions Access { get; set; } = new();

    /// <summary>How many diagnoses run at once; more wait in a queue.</summary>
    [Range(1, 64)]
    public int MaxConcurrentDiagnoses { get; set; } = 8;

    /// <summary>Minimum time between two progress edits of one message (Discord rate-limits webhook edits).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan ProgressEditInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Interactions whose X-Signature-Timestamp is older than this are refused (replay protection).</summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:30:00")]
    public TimeSpan MaxSignatureAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>This replica's name, recorded as the owner of the sessions it runs (default: the host name). Sessions
    /// this replica owned that are still running after it restarts are marked interrupted.</summary>
    public string? ReplicaId { get; set; }

    /// <summary>A running session older than this is considered dead wherever it ran (a diagnosis takes seconds).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan AbandonedAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The default metrics window of a diagnosis.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan DiagnosisWindow { get; set; } = TimeSpan.FromHours(1);
}
