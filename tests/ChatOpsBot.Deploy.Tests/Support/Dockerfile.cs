namespace ChatOpsBot.Deploy.Tests.Support;

/// <summary>One Dockerfile instruction (keyword upper-cased, arguments with line continuations joined) and its stage.</summary>
internal sealed record DockerInstruction(int Stage, string Keyword, string Arguments, int Line);

/// <summary>A parsed Dockerfile: instructions per build stage (a stage starts at each FROM).</summary>
internal sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerInstruction> instructions) => Instructions = instructions;

    public IReadOnlyList<DockerInstruction> Instructions { get; }

    public int StageCount => Instructions.Count(i => i.Keyword == "FROM");

    public IEnumerable<DockerInstruction> Stage(int stage) => Instructions.Where(i => i.Stage == stage);

    public IEnumerable<DockerInstruction> FinalStage => Stage(StageCount - 1);

    public static Dockerfile Load(string path)
    {
        var instructions = new List<DockerInstruction>();
        var stage = -1;
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var start = i + 1;
            var text = line;
            while (text.EndsWith('\\') && i + 1 < lines.Length)
            {
                text = text[..^1].TrimEnd() + " ";
                var next = lines[++i].Trim();
                text += next.StartsWith('#') ? "" : next;
            }

            var space = text.IndexOf(' ', StringComparison.Ordinal);
            var keyword = (space < 0 ? text : text[..space]).ToUpperInvariant();
            var arguments = space < 0 ? "" : text[(space + 1)..].Trim();
            if (keyword == "FROM")
            {
                stage++;
            }

            instructions.Add(new DockerInstruction(stage, keyword, arguments, start));
        }

        return new Dockerfile(instructions);
    }

    /// <summary>The value of <c>ARG name=default</c> declared before the first FROM, for substituting into FROM lines.</summary>
    public string ExpandGlobalArgs(string text)
    {
        foreach (var arg in Instructions.Where(i => i.Stage < 0 && i.Keyword == "ARG"))
        {
            var parts = arg.Arguments.Split('=', 2);
            if (parts.Length == 2)
            {
                text = text.Replace("${" + parts[0] + "}", parts[1], StringComparison.Ordinal).Replace("$" + parts[0], parts[1], StringComparison.Ordinal);
            }
        }

        return text;
    }
}
