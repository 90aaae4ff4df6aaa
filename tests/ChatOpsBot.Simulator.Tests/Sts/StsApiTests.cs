using System.Text;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ChatOpsBot.Simulator.Scenarios;

namespace ChatOpsBot.Simulator.Tests.Sts;

public sealed class StsApiTests
{
    private const string Role = "arn:aws:iam::210987654321:role/chatopsbot-read";
    private static readonly XNamespace Ns = "https://sts.amazonaws.com/doc/2011-06-15/";

    [Fact]
    public async Task AssumeRole_RightExternalId_AnswersTheRealShapeAndLifetime()
    {
        await using var h = await StartAsync();

        var (status, root) = await StsAsync(h, ("Action", "AssumeRole"), ("RoleArn", Role), ("RoleSessionName", "chatopsbot-pod-1"), ("ExternalId", "ext-123"), ("DurationSeconds", "900"));

        Assert.Equal(200, status);
        Assert.Equal(Ns + "AssumeRoleResponse", root.Name);
        var result = root.Element(Ns + "AssumeRoleResult")!;
        var credentials = result.Element(Ns + "Credentials")!;
        Assert.Equal(["AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"], credentials.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("2026-11-28T10:45:15Z", credentials.Element(Ns + "Expiration")!.Value);
        Assert.Matches("^ASIA[A-Z2-7]{16}$", credentials.Element(Ns + "AccessKeyId")!.Value);
        var user = result.Element(Ns + "AssumedRoleUser")!;
        Assert.Equal("arn:aws:sts::210987654321:assumed-role/chatopsbot-read/chatopsbot-pod-1", user.Element(Ns + "Arn")!.Value);
        Assert.EndsWith(":chatopsbot-pod-1", user.Element(Ns + "AssumedRoleId")!.Value, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(root.Element(Ns + "ResponseMetadata")!.Element(Ns + "RequestId")!.Value));
        Assert.Equal(credentials.Element(Ns + "AccessKeyId")!.Value, Assert.Single(h.Aws.IssuedSessions).AccessKeyId);
    }

    [Theory]
    [InlineData("wrong-one")]
    [InlineData(null)]
    public async Task AssumeRole_WrongOrMissingExternalId_IsAccessDeniedWithStsMessage(string? externalId)
    {
        await using var h = await StartAsync();
        (string, string)[] form = externalId is null
            ? [("Action", "AssumeRole"), ("RoleArn", Role), ("RoleSessionName", "bot")]
            : [("Action", "AssumeRole"), ("RoleArn", Role), ("RoleSessionName", "bot"), ("ExternalId", externalId)];

        var (status, root) = await StsAsync(h, form);

        Assert.Equal(403, status);
        Assert.Equal("Sender", root.Text("Type"));
        Assert.Equal("AccessDenied", root.Text("Code"));
        Assert.Equal($"User: arn:aws:iam::123456789012:user/chatops-bot is not authorized to perform: sts:AssumeRole on resource: {Role}", root.Text("Message"));
        Assert.Empty(h.Aws.IssuedSessions);
    }

    [Fact]
    public async Task AssumeRole_UnknownRole_IsAccessDenied()
    {
        await using var h = await StartAsync();

        var (status, root) = await StsAsync(h, ("Action", "AssumeRole"), ("RoleArn", "arn:aws:iam::210987654321:role/other"), ("RoleSessionName", "bot"), ("ExternalId", "ext-123"));

        Assert.Equal(403, status);
        Assert.Equal("AccessDenied", root.Text("Code"));
    }

    [Theory]
    [InlineData("RoleSessionName", "chatops bot", "Value 'chatops bot' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern")]
    [InlineData("DurationSeconds", "600", "Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900")]
    [InlineData("DurationSeconds", "7200", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")]
    public async Task AssumeRole_InvalidParameter_IsValidationError(string name, string value, string message)
    {
        await using var h = await StartAsync();
        var form = new Dictionary<string, string> { ["Action"] = "AssumeRole", ["RoleArn"] = Role, ["RoleSessionName"] = "bot", ["ExternalId"] = "ext-123", [name] = value };

        var (status, root) = await StsAsync(h, [.. form.Select(kv => (kv.Key, kv.Value))]);

        Assert.Equal(400, status);
        Assert.Equal("ValidationError", root.Text("Code"));
        Assert.Contains(message, root.Text("Message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemporaryKey_IsAcceptedUntilExpiration_ThenExpiredToken_AndGetCallerIdentityNamesTheSession()
    {
        await using var h = await StartAsync();
        await StsAsync(h, ("Action", "AssumeRole"), ("RoleArn", Role), ("RoleSessionName", "bot"), ("ExternalId", "ext-123"), ("DurationSeconds", "900"));
        var issued = Assert.Single(h.Aws.IssuedSessions);
        var temporary = new SessionAWSCredentials(issued.AccessKeyId, issued.SecretAccessKey, issued.SessionToken);

        var (_, identity) = await h.PostQueryAsync("sts", [new("Version", "2011-06-15"), new("Action", "GetCallerIdentity")], h.SignedClient("sts", temporary));
        var before = await Record.ExceptionAsync(() => Ssm(h, temporary).DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest()));
        h.Time.Advance(TimeSpan.FromMinutes(15));
        var after = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => Ssm(h, temporary).DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest()));

        Assert.Equal("arn:aws:sts::210987654321:assumed-role/chatopsbot-read/bot", identity.Text("Arn"));
        Assert.Equal("210987654321", identity.Text("Account"));
        Assert.Null(before);
        Assert.Equal("ExpiredTokenException", after.ErrorCode);
        Assert.All(h.Aws.Requests.Where(r => r.Service == "ssm"), r => Assert.Equal(issued.AccessKeyId, r.AccessKeyId));
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentity_Unsigned_ValidToken_IssuesCredentials_ExpiredToken_IsRefused()
    {
        await using var h = await StartAsync();
        using var anonymous = new HttpClient { BaseAddress = h.Aws.BaseUrl };

        var (okStatus, ok) = await h.PostQueryAsync("sts", WebIdentity(SimulatorHarness.Now.AddMinutes(10)), anonymous);
        var (expiredStatus, expired) = await h.PostQueryAsync("sts", WebIdentity(SimulatorHarness.Now.AddMinutes(-1)), anonymous);
        var (garbageStatus, garbage) = await h.PostQueryAsync("sts", [new("Version", "2011-06-15"), new("Action", "AssumeRoleWithWebIdentity"), new("RoleArn", WebRole), new("RoleSessionName", "pod"), new("WebIdentityToken", "not-a-jwt")], anonymous);

        Assert.Equal(200, okStatus);
        Assert.Equal("system:serviceaccount:ops:chatopsbot", ok.Text("SubjectFromWebIdentityToken"));
        Assert.Equal($"arn:aws:sts::123456789012:assumed-role/chatopsbot-irsa/pod", ok.Text("Arn"));
        Assert.Equal(400, expiredStatus);
        Assert.Equal("ExpiredTokenException", expired.Text("Code"));
        Assert.StartsWith("Token expired: current date/time", expired.Text("Message"), StringComparison.Ordinal);
        Assert.Equal(400, garbageStatus);
        Assert.Equal("InvalidIdentityToken", garbage.Text("Code"));
    }

    [Fact]
    public async Task AssumeRole_Unsigned_IsRefused()
    {
        await using var h = await StartAsync();
        using var anonymous = new HttpClient { BaseAddress = h.Aws.BaseUrl };

        var (status, root) = await h.PostQueryAsync("sts", [new("Version", "2011-06-15"), new("Action", "AssumeRole"), new("RoleArn", Role), new("RoleSessionName", "bot")], anonymous);

        Assert.Equal(403, status);
        Assert.Equal("MissingAuthenticationToken", root.Text("Code"));
    }

    [Fact]
    public void Scenario_MalformedRoleArn_IsRejectedAtLoad()
    {
        var json = """{ "name": "x", "sts": { "roles": [ { "arn": "chatopsbot-read" } ] } }""";

        var ex = Assert.Throws<InvalidDataException>(() => ScenarioCatalog.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "x"));

        Assert.Contains("sts role 'chatopsbot-read': arn must look like arn:aws:iam::<12-digit account>:role/<name>", ex.Message, StringComparison.Ordinal);
    }

    private const string WebRole = "arn:aws:iam::123456789012:role/chatopsbot-irsa";

    private static Task<SimulatorHarness> StartAsync() => SimulatorHarness.StartAsync(ScenarioCatalog.Load("healthy-baseline") with
    {
        Sts = new ScenarioSts
        {
            Roles = [new ScenarioRole { Arn = Role, ExternalId = "ext-123" }, new ScenarioRole { Arn = WebRole, WebIdentity = true }],
        },
    });

    private static Task<(int Status, XElement Root)> StsAsync(SimulatorHarness h, params (string Key, string Value)[] form) =>
        h.PostQueryAsync("sts", [new("Version", "2011-06-15"), .. form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]);

    private static AmazonSimpleSystemsManagementClient Ssm(SimulatorHarness h, AWSCredentials credentials) =>
        new(credentials, new AmazonSimpleSystemsManagementConfig { ServiceURL = h.Aws.BaseUrl.ToString(), AuthenticationRegion = h.Aws.Region, MaxErrorRetry = 0 });

    private static KeyValuePair<string, string>[] WebIdentity(DateTimeOffset expires)
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = $"{Part("""{"alg":"RS256"}""")}.{Part($$"""{"iss":"https://oidc.example","sub":"system:serviceaccount:ops:chatopsbot","aud":"sts.amazonaws.com","exp":{{expires.ToUnixTimeSeconds()}}}""")}.c2ln";
        return [new("Version", "2011-06-15"), new("Action", "AssumeRoleWithWebIdentity"), new("RoleArn", WebRole), new("RoleSessionName", "pod"), new("WebIdentityToken", token)];
    }
}
