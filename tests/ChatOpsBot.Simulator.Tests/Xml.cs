using System.Xml.Linq;

namespace ChatOpsBot.Simulator.Tests;

/// <summary>Namespace-agnostic XML lookups for asserting on raw AWS responses.</summary>
internal static class Xml
{
    public static IEnumerable<XElement> All(this XElement root, string localName) =>
        root.Descendants().Where(e => e.Name.LocalName == localName);

    public static string? Text(this XElement root, string localName) => root.All(localName).FirstOrDefault()?.Value;

    public static XElement Child(this XElement element, string localName) =>
        element.Elements().Single(e => e.Name.LocalName == localName);

    public static IEnumerable<XElement> Members(this XElement element, string listName) =>
        element.All(listName).First().Elements().Where(e => e.Name.LocalName == "member");
}
