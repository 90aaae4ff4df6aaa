using Amazon.Runtime;

namespace ChatOpsBot.Aws.Sts;

/// <summary>Temporary credentials and when they stop working.</summary>
internal sealed record TemporaryCredentials(ImmutableCredentials Credentials, DateTimeOffset Expiration);
