using System.Globalization;

namespace ChatOpsBot.Deploy.Tests.Support;

/// <summary>Kubernetes resource quantities (<c>100m</c>, <c>1</c>, <c>512Mi</c>, <c>1G</c>) as numbers, to compare them.</summary>
internal static class Quantities
{
    private static readonly (string Suffix, double Factor)[] Suffixes =
    [
        ("Ki", 1024), ("Mi", 1024d * 1024), ("Gi", 1024d * 1024 * 1024), ("Ti", 1024d * 1024 * 1024 * 1024),
        ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("m", 1e-3),
    ];

    public static double Parse(string quantity)
    {
        foreach (var (suffix, factor) in Suffixes)
        {
            if (quantity.EndsWith(suffix, StringComparison.Ordinal))
            {
                return double.Parse(quantity[..^suffix.Length], CultureInfo.InvariantCulture) * factor;
            }
        }

        return double.Parse(quantity, CultureInfo.InvariantCulture);
    }
}
