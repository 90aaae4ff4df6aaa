using System.Globalization;

namespace ChatOpsBot.Simulator.Hosting;

/// <summary>Form parameters of an awsQuery/EC2 request, with the list conventions of both protocols.</summary>
internal sealed class QueryParameters(IReadOnlyDictionary<string, string> values)
{
    public static QueryParameters Empty { get; } = new(new Dictionary<string, string>());

    public IReadOnlyDictionary<string, string> Values { get; } = values;

    public string? Get(string name) => Values.TryGetValue(name, out var v) ? v : null;

    public string Required(string name) =>
        Get(name) is { Length: > 0 } v ? v : throw new AwsErrorException("ValidationError", $"'{name}' is required.");

    public int? GetInt(string name)
    {
        var text = Get(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new AwsErrorException("ValidationError", $"Value '{text}' at '{name}' is not a valid integer.");
    }

    /// <summary>awsQuery list <c>Name.member.1</c>, <c>Name.member.2</c>... in index order.</summary>
    public IReadOnlyList<string> Members(string name) => Indexed(name + ".member.");

    /// <summary>EC2 list <c>Name.1</c>, <c>Name.2</c>... in index order.</summary>
    public IReadOnlyList<string> Ec2List(string name) => Indexed(name + ".");

    /// <summary>Indices N present under <c>prefix.N.</c> (for structures in lists), sorted.</summary>
    public IReadOnlyList<int> Indices(string prefix) => [.. Values.Keys
        .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
        .Select(k => k[prefix.Length..])
        .Select(rest => rest.Split('.')[0])
        .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1)
        .Where(i => i > 0)
        .Distinct()
        .Order()];

    /// <summary>EC2 filters <c>Filter.N.Name</c> / <c>Filter.N.Value.M</c>.</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<string> Values)> Ec2Filters() =>
        [.. Indices("Filter.").Select(i => (Get($"Filter.{i}.Name") ?? "", Ec2List($"Filter.{i}.Value")))];

    private List<string> Indexed(string prefix) => [.. Values
        .Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(kv.Key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        .OrderBy(kv => int.Parse(kv.Key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture))
        .Select(kv => kv.Value)
        .Where(v => v.Length > 0)];
}
