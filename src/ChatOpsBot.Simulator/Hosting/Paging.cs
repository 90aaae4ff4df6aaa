using System.Globalization;
using System.Text;

namespace ChatOpsBot.Simulator.Hosting;

/// <summary>Opaque offset tokens for Marker/NextToken pagination.</summary>
internal static class Paging
{
    public static (IReadOnlyList<T> Page, string? Next) Page<T>(
        IReadOnlyList<T> all, int? requested, int? scenarioPageSize, string? token, string invalidTokenCode)
    {
        var offset = Decode(token, invalidTokenCode);
        var size = Math.Min(requested ?? int.MaxValue, scenarioPageSize ?? int.MaxValue);
        var page = all.Skip(offset).Take(size).ToArray();
        var end = offset + page.Length;
        return (page, end < all.Count ? Encode(end) : null);
    }

    public static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("sim:" + offset.ToString(CultureInfo.InvariantCulture)));

    public static int Decode(string? token, string invalidTokenCode)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("sim:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // fall through to the error below
        }

        throw new AwsErrorException(invalidTokenCode, $"Invalid pagination token: {token}");
    }
}
