using System.Text.Json;
using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Rendering;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Runbooks.Tests.Rendering;

public sealed class ReportJsonTests
{
    [Fact]
    public void Write_DiagnosedReport_HasEveryDocumentedTopLevelField()
    {
        using var doc = JsonDocument.Parse(ReportJson.Write(Reports.EmptyTargetGroup()));
        var root = doc.RootElement;

        Assert.Equal("503", root.GetProperty("runbook").GetString());
        Assert.Equal("diagnosed", root.GetProperty("outcome").GetString());
        Assert.Equal("no-registered-targets", root.GetProperty("rootCause").GetString());
        Assert.Equal(["fixed-response"], root.GetProperty("contributing").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1234, root.GetProperty("durationMs").GetInt64());
        Assert.Equal(3, root.GetProperty("awsCalls").GetInt32());
        Assert.Equal(1, root.GetProperty("awsRetries").GetInt32());
        Assert.Equal(2, root.GetProperty("awsCallsByAction").GetProperty("elasticloadbalancing:DescribeLoadBalancers").GetInt32() + root.GetProperty("awsCallsByAction").GetProperty("elasticloadbalancing:DescribeTargetHealth").GetInt32());
        Assert.Equal(60, root.GetProperty("windowMinutes").GetInt32());
        Assert.Equal("eu-west-1", root.GetProperty("region").GetString());
        Assert.Equal("2026-11-28T09:00:00.0000000+00:00", root.GetProperty("startedAt").GetString());
        var lb = root.GetProperty("loadBalancer");
        Assert.Equal(Shop.AlbName, lb.GetProperty("name").GetString());
        Assert.Equal(Shop.AlbArn, lb.GetProperty("arn").GetString());
        Assert.Equal("application", lb.GetProperty("type").GetString());
        var gap = Assert.Single(root.GetProperty("gaps").EnumerateArray());
        Assert.Equal("ec2:DescribeDhcpOptions", gap.GetProperty("iamAction").GetString());
        Assert.Equal("AccessDenied", gap.GetProperty("kind").GetString());
        Assert.Equal(2, root.GetProperty("steps").GetArrayLength());
        Assert.Equal("input is a name or ARN", root.GetProperty("steps")[0].GetProperty("guard").GetString());
    }

    [Fact]
    public void Write_Causes_UseTheWireVocabularyWithEvidenceAndFix()
    {
        using var doc = JsonDocument.Parse(ReportJson.Write(Reports.EmptyTargetGroup()));
        var causes = doc.RootElement.GetProperty("causes").EnumerateArray().ToArray();

        Assert.Equal(CauseIds.Checked.Select(c => c.ToWire()), causes.Select(c => c.GetProperty("id").GetString()));
        Assert.All(causes, c => Assert.Contains(c.GetProperty("status").GetString(), new[] { "confirmed", "ruled-out", "inconclusive", "not-checked" }));
        var empty = causes.Single(c => c.GetProperty("id").GetString() == "no-registered-targets");
        Assert.Equal("confirmed", empty.GetProperty("status").GetString());
        Assert.Equal("Target group shop-web has no registered targets.", empty.GetProperty("summary").GetString());
        var fact = Assert.Single(empty.GetProperty("evidence").EnumerateArray());
        Assert.Equal("elasticloadbalancing:DescribeTargetHealth", fact.GetProperty("source").GetString());
        Assert.Equal([Shop.WebTgArn], fact.GetProperty("resources").EnumerateArray().Select(r => r.GetString()));
        var fix = empty.GetProperty("fix");
        Assert.Equal(Reports.RegisterCommand, fix.GetProperty("command").GetString());
        Assert.False(string.IsNullOrEmpty(fix.GetProperty("summary").GetString()));
        Assert.False(string.IsNullOrEmpty(fix.GetProperty("why").GetString()));
        Assert.Equal(JsonValueKind.Null, causes.Single(c => c.GetProperty("id").GetString() == "dns").GetProperty("fix").ValueKind);
        Assert.Equal("inconclusive", causes.Single(c => c.GetProperty("id").GetString() == "dns").GetProperty("status").GetString());
        Assert.Equal("not-checked", causes.Single(c => c.GetProperty("id").GetString() == "network-blocked").GetProperty("status").GetString());
        Assert.Equal("ruled-out", causes.Single(c => c.GetProperty("id").GetString() == "lb-capacity").GetProperty("status").GetString());
    }

    [Fact]
    public void Write_BadInputReport_HasNullArnAndTypeAndNoneAsRootCause()
    {
        var report = Reports.EmptyTargetGroup() with
        {
            Outcome = DiagnosisOutcome.BadInput,
            LoadBalancer = new LoadBalancerRef("nope", null, null, null),
            RootCause = CauseId.None,
            Contributing = [],
        };

        using var doc = JsonDocument.Parse(ReportJson.Write(report));

        Assert.Equal("bad-input", doc.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("none", doc.RootElement.GetProperty("rootCause").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("loadBalancer").GetProperty("arn").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("loadBalancer").GetProperty("type").ValueKind);
    }
}
