using System.Xml.Linq;

namespace ChatOpsBot.Aws.Tests.Infrastructure;

public static class XmlShuffle
{
    /// <summary>Reverses the order of the children of every structure element (list items keep their order).</summary>
    public static string ReverseStructureOrder(string xml)
    {
        var document = XDocument.Parse(xml);
        Reverse(document.Root!);
        return document.ToString();
    }

    private static void Reverse(XElement element)
    {
        var children = element.Elements().ToList();
        foreach (var child in children)
        {
            Reverse(child);
        }

        if (children.Count > 1 && children.All(c => c.Name.LocalName != "member"))
        {
            foreach (var child in children)
            {
                child.Remove();
            }

            children.Reverse();
            element.Add(children);
        }
    }
}
