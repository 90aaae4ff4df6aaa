namespace ChatOpsBot.Deploy.Tests.Support;

/// <summary>A systemd unit file: per section, each key's values in order (keys may repeat, as systemd allows).</summary>
internal sealed class SystemdUnit
{
    private readonly Dictionary<string, List<KeyValuePair<string, string>>> _sections;

    private SystemdUnit(Dictionary<string, List<KeyValuePair<string, string>>> sections) => _sections = sections;

    public static SystemdUnit Load(string path)
    {
        var sections = new Dictionary<string, List<KeyValuePair<string, string>>>(StringComparer.Ordinal);
        List<KeyValuePair<string, string>>? current = null;
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                current = [];
                sections[line[1..^1]] = current;
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (current is null || eq <= 0)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)} line {number}: '{line}' is not Key=Value inside a [Section].");
            }

            current.Add(new(line[..eq].Trim(), line[(eq + 1)..].Trim()));
        }

        return new SystemdUnit(sections);
    }

    public IReadOnlyList<string> Values(string section, string key) =>
        _sections.TryGetValue(section, out var entries) ? [.. entries.Where(e => e.Key == key).Select(e => e.Value)] : [];

    /// <summary>The effective value: the last assignment wins.</summary>
    public string? Value(string section, string key) => Values(section, key) is { Count: > 0 } values ? values[^1] : null;

    /// <summary>Environment= assignments (each may hold several NAME=value words).</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        Values("Service", "Environment")
            .SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.Trim('"').Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
}
