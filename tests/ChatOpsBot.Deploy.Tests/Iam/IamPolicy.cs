using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Deploy.Tests.Iam;

/// <summary>One IAM policy document from deploy/iam, checked for the grammar IAM accepts.</summary>
internal sealed partial class IamPolicy
{
    private IamPolicy(string file, IReadOnlyList<IamStatement> statements)
    {
        File = file;
        Statements = statements;
    }

    public string File { get; }

    public IReadOnlyList<IamStatement> Statements { get; }

    /// <summary>Every action an Allow statement grants.</summary>
    public IReadOnlySet<AwsAction> Allowed =>
        Statements.Where(s => s.Effect == "Allow").SelectMany(s => s.Actions).Select(AwsAction.Parse).ToHashSet();

    /// <summary>Parses the file; throws with a message naming the file and the problem when it is not valid IAM JSON.</summary>
    public static IamPolicy Load(string path)
    {
        var name = Path.GetFileName(path);
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        var root = document.RootElement;
        Require(root.ValueKind == JsonValueKind.Object, name, "the document is not a JSON object");
        Require(root.TryGetProperty("Version", out var version) && version.GetString() == "2012-10-17", name, "\"Version\" must be \"2012-10-17\"");
        Require(root.TryGetProperty("Statement", out var statementList) && statementList.ValueKind == JsonValueKind.Array && statementList.GetArrayLength() > 0,
            name, "\"Statement\" must be a non-empty array");

        var statements = new List<IamStatement>();
        foreach (var statement in statementList.EnumerateArray())
        {
            var sid = statement.TryGetProperty("Sid", out var s) ? s.GetString() : null;
            var label = $"{name} statement {sid ?? statements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            Require(sid is null || SidPattern().IsMatch(sid), label, "a Sid may hold only letters and digits");
            Require(statement.TryGetProperty("Effect", out var effect) && effect.GetString() is "Allow" or "Deny", label, "\"Effect\" must be Allow or Deny");
            Require(!statement.TryGetProperty("NotAction", out _), label, "NotAction grants everything else: list actions instead");
            Require(statement.TryGetProperty("Action", out var action), label, "\"Action\" is missing");
            var actions = StringOrArray(action, label, "Action");
            foreach (var a in actions)
            {
                Require(ActionPattern().IsMatch(a), label, $"'{a}' is not service:Action without wildcards");
            }

            var hasResource = statement.TryGetProperty("Resource", out var resource);
            var hasPrincipal = statement.TryGetProperty("Principal", out var principal);
            statements.Add(new IamStatement(
                sid,
                effect.GetString()!,
                actions,
                hasResource ? StringOrArray(resource, label, "Resource") : [],
                hasPrincipal ? principal.Clone() : null,
                statement.TryGetProperty("Condition", out var condition) ? condition.Clone() : null));
        }

        var duplicate = statements.Where(s => s.Sid is not null).GroupBy(s => s.Sid).FirstOrDefault(g => g.Count() > 1);
        Require(duplicate is null, name, $"Sid {duplicate?.Key} is used twice");
        return new IamPolicy(name, statements);
    }

    private static string[] StringOrArray(JsonElement element, string label, string field)
    {
        string[] values = element.ValueKind switch
        {
            JsonValueKind.String => [element.GetString()!],
            JsonValueKind.Array => [.. element.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : "")],
            _ => [],
        };
        Require(values.Length > 0 && values.All(v => v.Length > 0), label, $"\"{field}\" must be a string or a non-empty array of strings");
        return values;
    }

    private static void Require(bool condition, string where, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException($"{where}: {problem}.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9]+$")]
    private static partial Regex SidPattern();

    [GeneratedRegex("^[a-z0-9-]+:[A-Za-z0-9]+$")]
    private static partial Regex ActionPattern();
}

/// <summary>One statement; <see cref="Principal"/> is set only in trust (resource-based) policies.</summary>
internal sealed record IamStatement(
    string? Sid, string Effect, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources, JsonElement? Principal, JsonElement? Condition);
