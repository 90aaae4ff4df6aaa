using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ChatOpsBot.Testing;

/// <summary>Reads bodies the way Discord does: JSON, form-urlencoded, or multipart with <c>payload_json</c> and
/// <c>files[n]</c> parts (10 MiB per file, 25 MiB per request).</summary>
internal static partial class BodyReader
{
    public const long MaxFileBytes = 10L * 1024 * 1024;
    public const long MaxRequestBytes = 25L * 1024 * 1024;

    [GeneratedRegex(@"^files\[(\d+)\]$")]
    private static partial Regex FilesField();

    public static async Task<ParsedBody> ReadAsync(string? contentType, byte[] body, CancellationToken cancellationToken)
    {
        if (body.Length == 0)
        {
            return ParsedBody.Empty;
        }

        if (body.LongLength > MaxRequestBytes)
        {
            return new ParsedBody(null, [], BodyProblem.TooLarge, $"{body.LongLength} bytes > 25 MiB");
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return new ParsedBody(null, [], BodyProblem.UnsupportedContentType, contentType ?? "(none)");
        }

        var media = mediaType.MediaType.Value?.ToLowerInvariant();
        switch (media)
        {
            case "application/json":
                return ParseJson(body);
            case "application/x-www-form-urlencoded":
                var form = new JsonObject();
                foreach (var (key, value) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
                {
                    form[key] = value.ToString();
                }

                return new ParsedBody(form, [], BodyProblem.None, null);
            case "multipart/form-data":
                var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
                if (string.IsNullOrEmpty(boundary))
                {
                    return new ParsedBody(null, [], BodyProblem.UnsupportedContentType, "multipart without boundary");
                }

                return await ParseMultipartAsync(boundary, body, cancellationToken);
            default:
                return new ParsedBody(null, [], BodyProblem.UnsupportedContentType, contentType);
        }
    }

    private static ParsedBody ParseJson(ReadOnlySpan<byte> json)
    {
        try
        {
            return new ParsedBody(JsonNode.Parse(json), [], BodyProblem.None, null);
        }
        catch (JsonException e)
        {
            return new ParsedBody(null, [], BodyProblem.InvalidJson, e.Message);
        }
    }

    private static async Task<ParsedBody> ParseMultipartAsync(string boundary, byte[] body, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, new MemoryStream(body, writable: false)) { BodyLengthLimit = MaxFileBytes + 1 };
        JsonNode? json = null;
        var fields = new JsonObject();
        var files = new List<UploadedFile>();
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                using var buffer = new MemoryStream();
                await section.Body.CopyToAsync(buffer, cancellationToken);
                var bytes = buffer.ToArray();
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                if (name == "payload_json" && string.IsNullOrEmpty(fileName))
                {
                    var parsed = ParseJson(bytes);
                    if (parsed.Problem != BodyProblem.None)
                    {
                        return parsed;
                    }

                    json = parsed.Json;
                }
                else if (!string.IsNullOrEmpty(fileName))
                {
                    if (bytes.LongLength > MaxFileBytes)
                    {
                        return new ParsedBody(null, [], BodyProblem.TooLarge, $"{name}: {bytes.LongLength} bytes > 10 MiB");
                    }

                    var match = FilesField().Match(name);
                    int? index = match.Success && int.TryParse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
                    files.Add(new UploadedFile(name, index, fileName, section.ContentType, bytes));
                }
                else
                {
                    fields[name] = Encoding.UTF8.GetString(bytes);
                }
            }
        }
        catch (InvalidDataException e)
        {
            return new ParsedBody(null, [], e.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase) ? BodyProblem.TooLarge : BodyProblem.InvalidJson, e.Message);
        }

        return new ParsedBody(json ?? fields, files, BodyProblem.None, null);
    }
}
