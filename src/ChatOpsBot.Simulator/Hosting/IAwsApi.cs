namespace ChatOpsBot.Simulator.Hosting;

/// <summary>One simulated AWS API version. Handlers are pure over the scenario and the request clock.</summary>
internal interface IAwsApi
{
    /// <summary>The name in the credential scope (elasticloadbalancing, monitoring, ec2, ssm).</summary>
    string SigningName { get; }

    /// <summary>The name used in recordings and fault rules (elasticloadbalancing, elb, monitoring, ec2, ssm).</summary>
    string ServiceName { get; }

    AwsProtocol Protocol { get; }

    System.Xml.Linq.XNamespace XmlNamespace { get; }

    /// <summary>Whether AWS accepts this action without a signature (STS AssumeRoleWithWebIdentity).</summary>
    bool AcceptsUnsigned(string action) => false;

    /// <summary>Answers the call; throws <see cref="AwsErrorException"/> for AWS errors.</summary>
    AwsResponse Handle(AwsRequest request);
}
