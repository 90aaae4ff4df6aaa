using System.Text.RegularExpressions;
using ChatOpsBot.Simulator.Hosting;

namespace ChatOpsBot.Simulator.Ec2;

/// <summary>EC2 <c>Filter.N</c> semantics: filters AND together, values within a filter OR, <c>*</c> and <c>?</c> are wildcards.</summary>
internal static class Ec2Filters
{
    /// <param name="supported">Per supported filter name, the values a resource has for it.</param>
    /// <param name="tagsOf">The resource's tags, for <c>tag:Key</c> filters.</param>
    public static IEnumerable<T> Apply<T>(
        IEnumerable<T> items,
        IReadOnlyList<(string Name, IReadOnlyList<string> Values)> filters,
        IReadOnlyDictionary<string, Func<T, IEnumerable<string?>>> supported,
        Func<T, IReadOnlyDictionary<string, string>>? tagsOf = null)
    {
        var unknown = filters.FirstOrDefault(f => !supported.ContainsKey(f.Name) && !(tagsOf is not null && f.Name.StartsWith("tag:", StringComparison.Ordinal)));
        if (unknown.Name is not null)
        {
            throw new AwsErrorException("InvalidParameterValue", $"The filter '{unknown.Name}' is invalid");
        }

        return items.Where(item => filters.All(f =>
        {
            IEnumerable<string?> actual = supported.TryGetValue(f.Name, out var getter)
                ? getter(item)
                : tagsOf!(item).TryGetValue(f.Name[4..], out var tag) ? [tag] : [];
            return f.Values.Any(pattern => actual.Any(a => a is not null && Matches(pattern, a)));
        }));
    }

    private static bool Matches(string pattern, string value) =>
        pattern.Contains('*', StringComparison.Ordinal) || pattern.Contains('?', StringComparison.Ordinal)
            ? Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.None, TimeSpan.FromSeconds(1))
            : string.Equals(pattern, value, StringComparison.Ordinal);
}
