using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Findings;

namespace ChatOpsBot.Runbooks.Rendering;

/// <summary>The documented JSON form of a report (see README, "JSON output"). Field names are a contract.</summary>
public static class ReportJson
{
    public static string Write(DiagnosisReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("runbook", report.Runbook);
            w.WriteString("outcome", Outcome(report.Outcome));
            w.WriteString("headline", report.Headline);
            w.WriteStartObject("loadBalancer");
            w.WriteString("name", report.LoadBalancer.Name);
            WriteNullable(w, "arn", report.LoadBalancer.Arn);
            WriteNullable(w, "type", report.LoadBalancer.Type);
            WriteNullable(w, "state", report.LoadBalancer.State);
            w.WriteEndObject();
            w.WriteString("region", report.Region);
            WriteNullable(w, "account", report.Account);
            w.WriteString("startedAt", report.StartedAt.ToString("O", CultureInfo.InvariantCulture));
            w.WriteNumber("windowMinutes", (int)report.Window.TotalMinutes);
            w.WriteString("rootCause", report.RootCause.ToWire());
            w.WriteStartArray("contributing");
            foreach (var c in report.Contributing)
            {
                w.WriteStringValue(c.ToWire());
            }

            w.WriteEndArray();
            WriteNullable(w, "attribution", report.Attribution);
            w.WriteStartArray("causes");
            foreach (var cause in report.Causes)
            {
                w.WriteStartObject();
                w.WriteString("id", cause.Cause.ToWire());
                w.WriteString("status", cause.Status.ToWire());
                w.WriteString("summary", cause.Summary);
                w.WriteStartArray("evidence");
                foreach (var fact in cause.Evidence)
                {
                    w.WriteStartObject();
                    w.WriteString("text", fact.Text);
                    w.WriteString("source", fact.Source);
                    w.WriteStartArray("resources");
                    foreach (var r in fact.Resources)
                    {
                        w.WriteStringValue(r);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                if (cause.Fix is { } fix)
                {
                    w.WriteStartObject("fix");
                    w.WriteString("summary", fix.Summary);
                    w.WriteString("command", fix.Command);
                    w.WriteString("why", fix.Why);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("fix");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("gaps");
            foreach (var gap in report.Gaps)
            {
                w.WriteStartObject();
                w.WriteString("step", gap.Step);
                w.WriteString("iamAction", gap.IamAction);
                w.WriteString("kind", gap.Kind.ToString());
                w.WriteString("message", gap.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("suggestions");
            foreach (var s in report.Suggestions)
            {
                w.WriteStringValue(s);
            }

            w.WriteEndArray();
            w.WriteStartArray("steps");
            foreach (var step in report.Steps)
            {
                w.WriteStartObject();
                w.WriteString("from", step.From);
                w.WriteString("to", step.To);
                WriteNullable(w, "guard", step.Guard);
                w.WriteString("at", step.At.ToString("O", CultureInfo.InvariantCulture));
                WriteNullable(w, "note", step.Note);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("durationMs", (long)report.Duration.TotalMilliseconds);
            w.WriteNumber("awsCalls", report.AwsCalls.Count);
            w.WriteStartObject("awsCallsByAction");
            foreach (var g in report.AwsCalls.GroupBy(c => $"{c.Service}:{c.Operation}").OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                w.WriteNumber(g.Key, g.Count());
            }

            w.WriteEndObject();
            w.WriteNumber("awsRetries", report.AwsCalls.Sum(c => Math.Max(0, c.Attempts - 1)));
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Outcome(DiagnosisOutcome outcome) => outcome switch
    {
        DiagnosisOutcome.Diagnosed => "diagnosed",
        DiagnosisOutcome.BadInput => "bad-input",
        DiagnosisOutcome.Unsupported => "unsupported",
        _ => "access-problem",
    };

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
