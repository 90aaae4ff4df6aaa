using System.Globalization;
using System.Xml.Linq;

namespace ChatOpsBot.Simulator.Hosting;

/// <summary>Formatting shared by the XML protocols.</summary>
internal static class XmlText
{
    public static string Document(XElement root) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.ToString(SaveOptions.None);

    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Number(double value) => value.ToString("0.0###########", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An element, or null (which XElement ignores) when the value is null.</summary>
    public static XElement? Optional(XName name, object? value) => value is null ? null : new XElement(name, value);
}
