using YamlDotNet.RepresentationModel;

namespace ChatOpsBot.Deploy.Tests.Support;

/// <summary>Navigation over YamlDotNet's representation model, failing with the path that is missing.</summary>
internal static class YamlNodes
{
    /// <summary>The node at a dotted path of mapping keys, or null when any key is absent.</summary>
    public static YamlNode? Find(this YamlNode node, string path)
    {
        YamlNode? current = node;
        foreach (var key in path.Split('.'))
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out current))
            {
                return null;
            }
        }

        return current;
    }

    public static YamlMappingNode Map(this YamlNode node, string path) =>
        node.Find(path) as YamlMappingNode ?? throw new KeyNotFoundException($"'{path}' is missing or not a mapping.");

    public static IReadOnlyList<YamlNode> Seq(this YamlNode node, string path) =>
        node.Find(path) is YamlSequenceNode seq ? [.. seq.Children] : throw new KeyNotFoundException($"'{path}' is missing or not a list.");

    public static IReadOnlyList<YamlNode> SeqOrEmpty(this YamlNode node, string path) =>
        node.Find(path) is YamlSequenceNode seq ? [.. seq.Children] : [];

    public static string? Str(this YamlNode node, string path) => (node.Find(path) as YamlScalarNode)?.Value;

    public static int? Int(this YamlNode node, string path) =>
        node.Str(path) is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;

    public static bool? Bool(this YamlNode node, string path) =>
        node.Str(path) is { } text ? bool.Parse(text) : null;

    /// <summary>A mapping of scalars (labels, annotations, ConfigMap data) as a dictionary; empty when absent.</summary>
    public static IReadOnlyDictionary<string, string> Dict(this YamlNode node, string path) =>
        node.Find(path) is YamlMappingNode map
            ? map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => (p.Value as YamlScalarNode)?.Value ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>();
}
