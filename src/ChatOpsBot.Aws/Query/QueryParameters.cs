using System.Globalization;
using System.Text;

namespace ChatOpsBot.Aws.Query;

/// <summary>The parameters of one awsQuery request, in the order they were added.</summary>
internal sealed class QueryParameters
{
    private readonly List<KeyValuePair<string, string>> _items = [];

    public IReadOnlyList<KeyValuePair<string, string>> Items => _items;

    public QueryParameters Add(string name, string value)
    {
        _items.Add(new(name, value));
        return this;
    }

    public QueryParameters Add(string name, int value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds <c>name.member.1</c>, <c>name.member.2</c>… (an empty list is sent as <c>name=</c>).</summary>
    public QueryParameters AddList(string name, IEnumerable<string> values)
    {
        var index = 0;
        foreach (var value in values)
        {
            index++;
            Add($"{name}.member.{index.ToString(CultureInfo.InvariantCulture)}", value);
        }

        if (index == 0)
        {
            Add(name, string.Empty);
        }

        return this;
    }

    public QueryParameters Copy()
    {
        var copy = new QueryParameters();
        copy._items.AddRange(_items);
        return copy;
    }

    /// <summary>The form body: <c>Action=..&amp;Version=..&amp;</c> then the parameters, RFC 3986 percent-encoded.</summary>
    public string ToFormBody(string action, string version)
    {
        var builder = new StringBuilder();
        Append(builder, "Action", action);
        Append(builder, "Version", version);
        foreach (var (name, value) in _items)
        {
            Append(builder, name, value);
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string name, string value)
    {
        if (builder.Length > 0)
        {
            builder.Append('&');
        }

        builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }
}
