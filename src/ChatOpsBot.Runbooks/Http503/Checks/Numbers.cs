using System.Globalization;

namespace ChatOpsBot.Runbooks.Http503.Checks;

internal static class Numbers
{
    public static string N(double value) => value.ToString(value == Math.Floor(value) ? "N0" : "N2", CultureInfo.InvariantCulture);

    public static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Minutes(TimeSpan window) => window.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + " min";

    public static string Seconds(double seconds) => seconds.ToString(seconds >= 10 ? "0" : "0.##", CultureInfo.InvariantCulture) + " s";

    /// <summary>A count of errors is material when it is at least 0.5% of the requests in the window (a busy
    /// load balancer always has a trickle of errors), or at least 10 when the request count is unknown.</summary>
    public static bool Material(double count, double requests) => count > 0 && (requests > 0 ? count / requests >= 0.005 : count >= 10);
}
