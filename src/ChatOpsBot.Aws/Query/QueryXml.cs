using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace ChatOpsBot.Aws.Query;

/// <summary>Namespace-agnostic, order-independent reading of awsQuery XML by local element names.</summary>
internal static class QueryXml
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    public static XDocument Parse(string xml)
    {
        using var text = new StringReader(xml);
        using var reader = XmlReader.Create(text, ReaderSettings);
        return XDocument.Load(reader);
    }

    /// <summary>The first child with this local name, or null.</summary>
    public static XElement? Child(this XElement? element, string localName) =>
        element?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    /// <summary>Follows a path of local names (<c>"State", "Code"</c>).</summary>
    public static XElement? Path(this XElement? element, params ReadOnlySpan<string> localNames)
    {
        var current = element;
        foreach (var name in localNames)
        {
            current = current.Child(name);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The <c>member</c> items of a list element; empty when the list is absent.</summary>
    public static IEnumerable<XElement> Members(this XElement? list) =>
        list?.Elements().Where(e => e.Name.LocalName is "member" or "item") ?? [];

    /// <summary>The <c>member</c> items of the child list named <paramref name="listName"/>.</summary>
    public static IEnumerable<XElement> Members(this XElement? element, string listName) => element.Child(listName).Members();

    public static string? Text(this XElement? element, string localName)
    {
        var child = element.Child(localName);
        return child is null || child.HasElements ? null : child.Value.Trim();
    }

    public static string? TextOrNull(this XElement? element, string localName) =>
        element.Text(localName) is { Length: > 0 } value ? value : null;

    public static int? Int(this XElement? element, string localName) =>
        int.TryParse(element.Text(localName), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static double? Double(this XElement? element, string localName) =>
        ParseDouble(element.Text(localName));

    public static bool? Bool(this XElement? element, string localName) =>
        element.Text(localName)?.ToUpperInvariant() switch
        {
            "TRUE" => true,
            "FALSE" => false,
            _ => null,
        };

    public static double? ParseDouble(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static DateTimeOffset? ParseTimestamp(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;

    /// <summary>The <c>&lt;Action&gt;Result</c> element under the response root, or the root when absent.</summary>
    public static XElement ResultOf(XDocument document, string action)
    {
        var root = document.Root ?? throw new XmlException("The response has no root element.");
        return root.Child(action + "Result") ?? root;
    }
}
