using System.Text.Json;
using ChatOpsBot.Aws.Tests.Infrastructure;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Evidence.Instances;

namespace ChatOpsBot.Aws.Tests.Ssm;

public sealed class SsmInstanceManagementEvidenceTests
{
    [Fact]
    public async Task GetManagedInstances_TwoPages_FilterByIdsAndMerge()
    {
        await using var server = await FakeAwsServer.StartAsync(request => CannedResponse.Json(NextToken(request) is null
            ? """{"InstanceInformationList":[{"InstanceId":"i-1","PingStatus":"Online","AgentVersion":"3.3.0.0","PlatformType":"Linux"}],"NextToken":"t2"}"""
            : """{"InstanceInformationList":[{"InstanceId":"i-2","PingStatus":"ConnectionLost","PlatformType":"Windows"}]}"""));
        using var aws = TestAws.Create(server);
        using var scope = EvidenceCallLog.Begin(out var log);

        var managed = await aws.InstanceManagement.GetManagedInstancesAsync(["i-1", "i-2", "i-3"], CancellationToken.None);

        Assert.Equal([new ManagedInstance("i-1", "Online", "3.3.0.0", "Linux"), new ManagedInstance("i-2", "ConnectionLost", null, "Windows")], managed);
        var first = server.Requests[0];
        Assert.Equal("DescribeInstanceInformation", first.Action);
        Assert.Equal("AmazonSSM.DescribeInstanceInformation", first.Header("X-Amz-Target"));
        Assert.Contains("/us-west-2/ssm/aws4_request", first.Header("Authorization"), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(first.Body);
        var filter = body.RootElement.GetProperty("Filters")[0];
        Assert.Equal("InstanceIds", filter.GetProperty("Key").GetString());
        Assert.Equal(["i-1", "i-2", "i-3"], filter.GetProperty("Values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(2, log.Calls.Count);
        Assert.All(log.Calls, c => Assert.Equal("ssm", c.Service));
    }

    [Fact]
    public async Task GetManagedInstances_MoreThan50Ids_ChunkedRequests()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.Json("""{"InstanceInformationList":[]}"""));
        using var aws = TestAws.Create(server);

        var managed = await aws.InstanceManagement.GetManagedInstancesAsync([.. Enumerable.Range(0, 120).Select(i => $"i-{i:D17}")], CancellationToken.None);

        Assert.Empty(managed);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task GetManagedInstances_InvalidInstanceIdForOne_AsksEachAndDropsTheRejected()
    {
        await using var server = await FakeAwsServer.StartAsync(request =>
        {
            using var body = JsonDocument.Parse(request.Body);
            var ids = body.RootElement.GetProperty("Filters")[0].GetProperty("Values").EnumerateArray().Select(v => v.GetString()).ToList();
            return ids.Contains("i-bad")
                ? new CannedResponse(400, """{"__type":"InvalidInstanceId","message":"Instances [[i-bad]] not in a valid state"}""", "application/x-amz-json-1.1")
                : CannedResponse.Json($$"""{"InstanceInformationList":[{"InstanceId":"{{ids[0]}}","PingStatus":"Online"}]}""");
        });
        using var aws = TestAws.Create(server);

        var managed = await aws.InstanceManagement.GetManagedInstancesAsync(["i-good", "i-bad"], CancellationToken.None);

        Assert.Equal(["i-good"], managed.Select(m => m.InstanceId));
    }

    [Fact]
    public async Task GetManagedInstances_AccessDenied_IsTyped()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => new CannedResponse(
            400, """{"__type":"AccessDeniedException","message":"User is not authorized to perform: ssm:DescribeInstanceInformation"}""", "application/x-amz-json-1.1"));
        using var aws = TestAws.Create(server);

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => aws.InstanceManagement.GetManagedInstancesAsync(["i-1"], CancellationToken.None));

        Assert.Equal(EvidenceFailureKind.AccessDenied, ex.Kind);
        Assert.Equal("ssm:DescribeInstanceInformation", ex.IamAction);
    }

    private static string? NextToken(RecordedRequest request)
    {
        using var body = JsonDocument.Parse(request.Body);
        return body.RootElement.TryGetProperty("NextToken", out var token) ? token.GetString() : null;
    }
}
