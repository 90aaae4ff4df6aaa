using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>Builds Discord's 50035 "Invalid Form Body" error tree: <c>{"data":{"embeds":{"0":{"title":{"_errors":[{code,message}]}}}}}</c>.</summary>
internal sealed class FormErrors
{
    private readonly JsonObject _root = [];
    private readonly List<string> _descriptions = [];

    public bool Any => _descriptions.Count > 0;

    public IReadOnlyList<string> Descriptions => _descriptions;

    /// <summary>Adds an error at a dotted path ("data.embeds.0.title"; "" for the root).</summary>
    public void Add(string path, string code, string message)
    {
        var node = _root;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node[segment] is not JsonObject child)
            {
                child = [];
                node[segment] = child;
            }

            node = child;
        }

        if (node["_errors"] is not JsonArray errors)
        {
            errors = [];
            node["_errors"] = errors;
        }

        errors.Add(new JsonObject { ["code"] = code, ["message"] = message });
        _descriptions.Add($"{(path.Length == 0 ? "(body)" : path)}: {code} {message}");
    }

    public void MaxLength(string path, int max) => Add(path, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length.");

    public void BadLength(string path, int min, int max) => Add(path, "BASE_TYPE_BAD_LENGTH", $"Must be between {min} and {max} in length.");

    public void Required(string path) => Add(path, "BASE_TYPE_REQUIRED", "This field is required");

    public JsonObject ToBody() => new()
    {
        ["code"] = 50035,
        ["errors"] = _root.DeepClone(),
        ["message"] = "Invalid Form Body",
    };
}
