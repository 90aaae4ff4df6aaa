using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOpsBot.Discord.Rest;

namespace ChatOpsBot.Discord.Tests.Rendering;

/// <summary>
/// Checked-in golden payloads under <c>Rendering/Golden/</c>. With <c>CHATOPSBOT_BLESS=1</c> the files are (re)written;
/// otherwise the rendered payload must equal them. A golden holds the JSON body and, for multipart messages, each
/// file's name, content type and size.
/// </summary>
internal static partial class Golden
{
    public const string BlessVariable = "CHATOPSBOT_BLESS";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool Blessing => Environment.GetEnvironmentVariable(BlessVariable) == "1";

    public static void Verify(string name, DiscordMessagePayload payload, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(caller)!, "Golden", name + ".json");
        var actual = Serialize(payload);
        if (Blessing)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        if (!File.Exists(path))
        {
            Assert.Fail($"No golden file {path}. Run the tests once with {BlessVariable}=1 to write it, then review and commit it.");
        }

        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected != actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            var line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
            Assert.Fail(
                $"The rendered payload differs from {path} at line {line + 1}:\n" +
                $"  golden:   {(line < e.Length ? e[line] : "<end>")}\n" +
                $"  rendered: {(line < a.Length ? a[line] : "<end>")}\n" +
                $"If the change is intended, re-bless with {BlessVariable}=1 and review the diff.");
        }
    }

    public static string Serialize(DiscordMessagePayload payload)
    {
        var files = new JsonArray();
        foreach (var f in payload.Files)
        {
            files.Add(new JsonObject { ["filename"] = f.FileName, ["content_type"] = f.ContentType, ["bytes"] = f.Content.Length });
        }

        var golden = new JsonObject
        {
            ["payload_json"] = payload.Json.DeepClone(),
            ["files"] = files,
        };
        return Readable(golden.ToJsonString(Indented)).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>Writes emoji and other escaped printable characters as themselves, so a reviewer reads the golden as
    /// Discord will show it. Escaped backslashes, quotes, controls and lone surrogates stay escaped.</summary>
    private static string Readable(string json) => Escape().Replace(json, m =>
    {
        if (m.Groups["backslash"].Success)
        {
            return m.Value;
        }

        if (m.Groups["high"].Success)
        {
            return new string([Code(m.Groups["high"].Value), Code(m.Groups["low"].Value)]);
        }

        var c = Code(m.Groups["one"].Value);
        return c < ' ' || c is '"' or '\\' || char.IsSurrogate(c) ? m.Value : new string(c, 1);
    });

    private static char Code(string hex) => (char)int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<backslash>\\\\)|\\u(?<high>D[89AB][0-9A-F]{2})\\u(?<low>D[C-F][0-9A-F]{2})|\\u(?<one>[0-9A-F]{4})", RegexOptions.IgnoreCase)]
    private static partial Regex Escape();
}
