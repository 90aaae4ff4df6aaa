using System.Globalization;

namespace ChatOpsBot.Runbooks.Http503.Checks;

internal static class Numbers
{
    public static string N(double value) => value.ToString(value == Math.Floor(value) ? "N0" : "N2", CultureInfo.InvariantCulture);

    public static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Minutes(TimeSpan window) => window.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + " min";

    public static string Seconds(double seconds) => seconds.ToString(seconds >= 10 ? "0" : "0.##", CultureInfo.InvariantCulture) + " s";

    /// <summary>A count is material when it is at least 0.5% of requests or at least 50 in the window.</summary>
    public static bool Material(double count, double requests) => count >= 50 || (count > 0 && (requests <= 0 || count / requests >= 0.005));
}
