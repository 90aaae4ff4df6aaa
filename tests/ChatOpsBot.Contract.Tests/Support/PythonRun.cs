namespace ChatOpsBot.Contract.Tests.Support;

/// <param name="Missing">Why python3 could not be started at all, or null.</param>
internal sealed record PythonRun(int ExitCode, string Stdout, string Stderr, string? Missing);
