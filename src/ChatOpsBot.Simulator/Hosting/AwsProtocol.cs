namespace ChatOpsBot.Simulator.Hosting;

/// <summary>The wire protocol a request arrived in, which decides how errors are written.</summary>
internal enum AwsProtocol
{
    /// <summary>awsQuery: form body, XML answers with <c>&lt;member&gt;</c> lists (ELB, CloudWatch).</summary>
    Query,

    /// <summary>EC2 query: form body, XML answers with <c>&lt;item&gt;</c> lists.</summary>
    Ec2,

    /// <summary>awsJson 1.1 (Systems Manager).</summary>
    Json,
}
