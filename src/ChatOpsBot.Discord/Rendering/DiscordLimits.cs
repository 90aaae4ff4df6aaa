namespace ChatOpsBot.Discord.Rendering;

/// <summary>
/// Discord's limits on a message (reference §2 and §3). Lengths are counted in UTF-16 code units, which is never less
/// than the code points Discord counts, so staying within them in .NET terms stays within them on Discord.
/// </summary>
public static class DiscordLimits
{
    public const int ContentLength = 2000;
    public const int EmbedsPerMessage = 10;
    public const int EmbedTitleLength = 256;
    public const int EmbedDescriptionLength = 4096;
    public const int EmbedFields = 25;
    public const int EmbedFieldNameLength = 256;
    public const int EmbedFieldValueLength = 1024;
    public const int EmbedFooterLength = 2048;
    public const int EmbedAuthorNameLength = 256;

    /// <summary>Title, description, field names and values, footer text and author name of all embeds together,
    /// each trimmed of leading and trailing whitespace.</summary>
    public const int EmbedTotalLength = 6000;

    public const int MaxColor = 0xFFFFFF;

    public const int ActionRows = 5;
    public const int ButtonsPerRow = 5;
    public const int ButtonLabelLength = 80;
    public const int CustomIdLength = 100;
    public const int LinkUrlLength = 512;
    public const int SelectOptions = 25;
    public const int SelectOptionTextLength = 100;
    public const int SelectPlaceholderLength = 150;
    public const int SelectMaxValues = 25;

    /// <summary>Components V2 (flag 32768): every component, nested ones included.</summary>
    public const int ComponentsV2Total = 40;

    public const int AllowedMentionIds = 100;

    public const int AutocompleteChoices = 25;
    public const int ChoiceNameLength = 100;
    public const int ChoiceValueLength = 100;

    public const int AttachmentsPerMessage = 10;
    public const int AttachmentDescriptionLength = 1024;

    /// <summary>The default upload limit per file (10 MiB); a request may carry at most 25 MiB in all.</summary>
    public const long FileBytes = 10L * 1024 * 1024;
    public const long RequestFileBytes = 25L * 1024 * 1024;

    public const int FlagSuppressEmbeds = 1 << 2;
    public const int FlagEphemeral = 1 << 6;
    public const int FlagLoading = 1 << 7;
    public const int FlagSuppressNotifications = 1 << 12;
    public const int FlagComponentsV2 = 1 << 15;
}
