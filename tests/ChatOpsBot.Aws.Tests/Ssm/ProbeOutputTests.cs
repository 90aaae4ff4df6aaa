using ChatOpsBot.Aws.Ssm;
using ChatOpsBot.Runbooks.Evidence.Instances;

namespace ChatOpsBot.Aws.Tests.Ssm;

public sealed class ProbeOutputTests
{
    private const string Complete = "chatopsbot-probe 1\nhost 10.0.2.15:8080\nservice active\nlisten-tool ss\nlisten [::]:8080\nhttp 302 7 ok\ndns db.internal ok 10.0.5.5 \ndns cache.internal fail\nlog-source journal\nlog first\nlog second\nend\n";

    [Fact]
    public void Parse_CompleteOutput_EveryFact()
    {
        var (facts, truncated) = ProbeOutput.Parse(Complete);

        Assert.False(truncated);
        Assert.Equal("active", facts!.ServiceState);
        Assert.Equal(ListeningState.AllInterfaces, facts.Listening);
        Assert.Equal(new LocalHealthCheck(302, null, 7, "10.0.2.15:8080"), facts.Http);
        Assert.Equal(["db.internal", "cache.internal"], facts.Dependencies.Select(d => d.Host));
        Assert.Equal(["10.0.5.5"], facts.Dependencies[0].Addresses);
        Assert.False(facts.Dependencies[1].Resolves);
        Assert.Equal(["first", "second"], facts.LogLines);
    }

    [Fact]
    public void Parse_NoGetentNoHttpClientUnreadableLog_EachSaidNotSilentlyDropped()
    {
        var (facts, _) = ProbeOutput.Parse("chatopsbot-probe 1\nhost 10.0.2.15:8080\nlisten-tool ss\nhttp-tool none\ndns db.internal unknown\nlog-source unreadable\nend\n");

        var dependency = Assert.Single(facts!.Dependencies);
        Assert.Equal("db.internal", dependency.Host);
        Assert.False(dependency.Known);
        Assert.False(dependency.Unresolved);
        Assert.True(facts.Http!.NotAsked);
        Assert.Null(facts.Http.StatusCode);
        Assert.True(facts.LogUnreadable);
        Assert.False(ProbeOutput.Parse(Complete).Facts!.LogUnreadable);
    }

    [Fact]
    public void Parse_CutInsideALogLine_KeepsWholeLinesAndReportsTheCut()
    {
        var cut = Complete[..Complete.IndexOf("cond", StringComparison.Ordinal)];

        var (facts, truncated) = ProbeOutput.Parse(cut);

        Assert.True(truncated);
        Assert.Equal(["first"], facts!.LogLines);
        Assert.Equal(302, facts.Http!.StatusCode);
    }

    [Fact]
    public void Parse_NotTheProbesOutput_NoFacts()
    {
        Assert.Equal((null, false), ProbeOutput.Parse("State Recv-Q Send-Q Local Address:Port\nfailed\n"));
        Assert.Equal((null, false), ProbeOutput.Parse(""));
    }

    [Theory]
    [InlineData("login ok password=hunter2 user=bob", "hunter2")]
    [InlineData("DB_PASSWORD: \"p@ss w\"", "p@ss")]
    [InlineData("key AKIAIOSFODNN7EXAMPLE used", "AKIAIOSFODNN7EXAMPLE")]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N", "eyJhbGciOiJIUzI1NiJ9")]
    [InlineData("connect postgres://orders:s3cretpw@db:5432/orders", "s3cretpw")]
    [InlineData("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI")]
    [InlineData("api_key=abc123def456", "abc123def456")]
    public void Scrub_SecretsInLogLines_Redacted(string line, string secret)
    {
        var scrubbed = ProbeOutput.Scrub(line);

        Assert.DoesNotContain(secret, scrubbed, StringComparison.Ordinal);
        Assert.Contains("[redacted]", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_LongLine_Shortened()
    {
        Assert.Equal(ProbeOutput.MaxLogLine + 1, ProbeOutput.Scrub(string.Concat(Enumerable.Repeat("served ", 700))).Length);
    }
}
