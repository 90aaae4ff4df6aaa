using Amazon.Runtime;
using ChatOpsBot.Aws;
using ChatOpsBot.Aws.Configuration;

namespace ChatOpsBot.Contract.Tests.Support;

/// <summary>Builds the production evidence ports pointed at moto, with nothing read from the host environment.</summary>
internal static class MotoAws
{
    public static AwsConnectionSettings Settings(Uri endpoint, IReadOnlyDictionary<AwsService, Uri>? endpoints = null) => new()
    {
        Region = "us-east-1",
        Credentials = new BasicAWSCredentials("testing", "testing"),
        Endpoints = endpoints ?? new Dictionary<AwsService, Uri>
        {
            [AwsService.ElasticLoadBalancingV2] = endpoint,
            [AwsService.CloudWatch] = endpoint,
            [AwsService.Ec2] = endpoint,
            [AwsService.Ssm] = endpoint,
        },
    };

    /// <summary>All four services configured explicitly; the environment reads as empty.</summary>
    public static AwsEvidenceSet Create(MotoServer moto) =>
        AwsEvidence.Create(Settings(moto.Endpoint), TimeProvider.System, environment: _ => null);
}
