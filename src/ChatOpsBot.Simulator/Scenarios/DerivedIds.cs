using System.Security.Cryptography;
using System.Text;

namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>Stable, realistic-looking ids for things a scenario leaves implicit (node ENIs, default rules).</summary>
internal static class DerivedIds
{
    public static string Hex(string seed, int length) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..length];

    public static string Resource(string prefix, string seed) => $"{prefix}-{Hex(seed, 17)}";
}
