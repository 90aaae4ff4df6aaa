using Amazon.Runtime;
using ChatOpsBot.Aws;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Contract.Tests.Support;

namespace ChatOpsBot.Contract.Tests.Configuration;

/// <summary>The endpoint configured only through AWS_ENDPOINT_URL reaches moto for every service the bot talks to.</summary>
[Collection(MotoCollection.Name)]
public sealed class EndpointEnvironmentContractTests(MotoServer moto)
{
    [SkippableFact]
    public async Task AwsEndpointUrlOnly_EveryService_ReachesMotoAndParsesItsAnswers()
    {
        moto.SkipIfUnavailable();
        var seed = moto.Estate;
        var url = moto.Endpoint.ToString();
        var settings = new AwsConnectionSettings { Region = "us-east-1", Credentials = new BasicAWSCredentials("testing", "testing") };

        using var aws = AwsEvidence.Create(settings, TimeProvider.System, environment: name => name == "AWS_ENDPOINT_URL" ? url : null);

        var lookup = await aws.LoadBalancing.FindLoadBalancerAsync(seed.LoadBalancerName, CancellationToken.None);
        Assert.Equal(seed.LoadBalancerArn, lookup.LoadBalancer?.Arn);

        var vpc = await aws.Network.GetVpcAsync(seed.VpcId, CancellationToken.None);
        Assert.Equal(seed.VpcId, vpc.VpcId);

        var first = seed.Elb503Points[0].Timestamp;
        var series = await aws.Metrics.GetMetricDataAsync(
            [new("elb503", "AWS/ApplicationELB", "HTTPCode_ELB_503_Count", [new("LoadBalancer", seed.LoadBalancerDimension)], "Sum", 60)],
            first.AddMinutes(-1),
            first.AddMinutes(1),
            CancellationToken.None);
        Assert.Equal([seed.Elb503Points[0].Value], Assert.Single(series).Values);

        // SSM: moto may not serve DescribeInstanceInformation, but the request must reach it (its log grows).
        var before = moto.Log.Length;
        var ssm = await Record.ExceptionAsync(() => aws.InstanceManagement.GetManagedInstancesAsync([seed.Instances[0].InstanceId], CancellationToken.None));
        Assert.True(
            ssm is null || moto.PythonErrorsSince(before).Any(e => e.Contains("describe_instance_information", StringComparison.Ordinal)),
            $"SSM did not reach moto through AWS_ENDPOINT_URL: {ssm?.Message}");
    }
}
