namespace ChatOpsBot.Aws.Configuration;

/// <summary>The AWS services the adapter talks to.</summary>
public enum AwsService
{
    /// <summary>Elastic Load Balancing v2 (and the Classic API on the same endpoint).</summary>
    ElasticLoadBalancingV2,

    /// <summary>CloudWatch (signing name <c>monitoring</c>).</summary>
    CloudWatch,

    Ec2,

    Ssm,

    /// <summary>Security Token Service (AssumeRole for the configured accounts).</summary>
    Sts,
}
