using System.Net;
using System.Xml.Linq;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace ChatOpsBot.Simulator.Tests.Hosting;

public sealed class SignatureTests
{
    private static readonly KeyValuePair<string, string>[] DescribeLbs =
        [new("Action", "DescribeLoadBalancers"), new("Version", "2015-12-01")];

    [Fact]
    public async Task Unsigned_AnswersMissingAuthenticationToken()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");
        using var plain = new HttpClient { BaseAddress = sim.Aws.BaseUrl };

        var (status, root) = await sim.PostQueryAsync("elasticloadbalancing", DescribeLbs, plain);

        Assert.Equal(403, status);
        Assert.Equal("MissingAuthenticationToken", root.Text("Code"));
    }

    [Fact]
    public async Task ForeignAccessKey_AnswersInvalidClientTokenId()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");
        var client = sim.SignedClient("elasticloadbalancing", new BasicAWSCredentials("ASIMOTHERKEYEXAMPLE0", "other/secret/EXAMPLE"));

        var (status, root) = await sim.PostQueryAsync("elasticloadbalancing", DescribeLbs, client);

        Assert.Equal(403, status);
        Assert.Equal("InvalidClientTokenId", root.Text("Code"));
    }

    [Fact]
    public async Task WrongSigningService_AnswersSignatureDoesNotMatch()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");
        var client = sim.SignedClient("monitoring");

        var (status, root) = await sim.PostQueryAsync("elasticloadbalancing", DescribeLbs, client);

        Assert.Equal(403, status);
        Assert.Equal("SignatureDoesNotMatch", root.Text("Code"));
        Assert.Contains("elasticloadbalancing", root.Text("Message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongRegion_AnswersSignatureDoesNotMatch()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");
        var client = sim.SignedClient("elasticloadbalancing", region: "eu-west-1");

        var (status, root) = await sim.PostQueryAsync("elasticloadbalancing", DescribeLbs, client);

        Assert.Equal(403, status);
        Assert.Equal("SignatureDoesNotMatch", root.Text("Code"));
    }

    [Fact]
    public async Task Ec2ForeignKey_SdkSeesAuthFailure()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");

        var ex = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            sim.Ec2Client(new BasicAWSCredentials("ASIMOTHERKEYEXAMPLE0", "other/secret/EXAMPLE")).DescribeVpcsAsync(new DescribeVpcsRequest()));

        Assert.Equal("AuthFailure", ex.ErrorCode);
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
    }

    [Fact]
    public async Task SsmUnsigned_AnswersJsonError()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");
        using var plain = new HttpClient { BaseAddress = sim.Aws.BaseUrl };
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/x-amz-json-1.1");
        content.Headers.Add("X-Amz-Target", "AmazonSSM.DescribeInstanceInformation");

        using var response = await plain.PostAsync("/", content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("MissingAuthenticationTokenException", body, StringComparison.Ordinal);
        Assert.Equal(["ssm"], sim.Aws.Requests.Select(r => r.Service));
    }

    [Fact]
    public async Task UnknownVersion_AnswersInvalidAction()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");

        var (status, root) = await sim.PostQueryAsync("elasticloadbalancing", [new("Action", "DescribeThings"), new("Version", "1999-01-01")]);

        Assert.Equal(400, status);
        Assert.Equal("InvalidAction", root.Text("Code"));
        Assert.IsType<XElement>(root);
    }
}
