namespace ChatOpsBot.Runbooks.Engine;

/// <summary>Ranks known names by closeness to what the user typed (edit distance, then shared prefix).</summary>
public static class NameSuggestions
{
    public static IReadOnlyList<string> Closest(string typed, IEnumerable<string> known, int max = 3)
    {
        var t = typed.ToLowerInvariant();
        return known
            .Distinct(StringComparer.Ordinal)
            .Select(k => (Name: k, Distance: Distance(t, k.ToLowerInvariant()), Contains: k.Contains(typed, StringComparison.OrdinalIgnoreCase)))
            .Where(x => x.Contains || x.Distance <= Math.Max(3, t.Length / 2))
            .OrderBy(x => x.Contains ? 0 : 1)
            .ThenBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Name)
            .ToArray();
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
