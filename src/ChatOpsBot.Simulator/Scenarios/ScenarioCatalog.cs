using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>The scenarios embedded in the simulator, and a loader for scenario files.</summary>
public static class ScenarioCatalog
{
    private const string ResourcePrefix = "scenarios/";
    private const string ResourceSuffix = ".json";

    private static readonly Assembly Assembly = typeof(ScenarioCatalog).Assembly;

    /// <summary>The options scenario files are read with: camelCase, comments and trailing commas allowed,
    /// unknown properties rejected so that a typo fails loudly.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>Names of the embedded scenarios, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^ResourceSuffix.Length])
        .Order(StringComparer.Ordinal)];

    /// <summary>Loads an embedded scenario by name, or a scenario file by path.</summary>
    /// <exception cref="ArgumentException">Neither an embedded name nor an existing file.</exception>
    /// <exception cref="InvalidDataException">The JSON does not describe a valid scenario.</exception>
    public static Scenario Load(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (Names.Contains(nameOrPath, StringComparer.Ordinal))
        {
            using var stream = Assembly.GetManifestResourceStream(ResourcePrefix + nameOrPath + ResourceSuffix)
                ?? throw new InvalidOperationException($"Embedded scenario '{nameOrPath}' vanished.");
            return Parse(stream, nameOrPath);
        }

        if (File.Exists(nameOrPath))
        {
            using var stream = File.OpenRead(nameOrPath);
            return Parse(stream, nameOrPath);
        }

        throw new ArgumentException(
            $"No scenario named '{nameOrPath}' and no such file. Embedded scenarios: {string.Join(", ", Names)}.",
            nameof(nameOrPath));
    }

    /// <summary>Parses scenario JSON.</summary>
    public static Scenario Parse(Stream json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var scenario = JsonSerializer.Deserialize<Scenario>(json, JsonOptions)
                ?? throw new InvalidDataException($"Scenario '{source}' is empty.");
            ScenarioValidator.Validate(scenario, source);
            return scenario;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Scenario '{source}' is not valid: {ex.Message}", ex);
        }
    }
}
