using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace ChatOpsBot.Aws.Configuration;

/// <summary>Region precedence: explicit, the region of the ARN the user named, <c>AWS_REGION</c>,
/// <c>AWS_DEFAULT_REGION</c>, then the profile's region from the shared config file.</summary>
internal sealed class AwsRegionResolver(Func<string, string?> environment, Func<string?, string?> profileRegion)
{
    public const string MissingRegionMessage = "no AWS region: pass --region or set AWS_REGION";

    public AwsRegionResolver(Func<string, string?> environment)
        : this(environment, ProfileRegion)
    {
    }

    public string Resolve(string? explicitRegion, string? arnRegion, string? profile)
    {
        foreach (var candidate in new[] { explicitRegion, arnRegion, environment("AWS_REGION"), environment("AWS_DEFAULT_REGION") })
        {
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                return candidate.Trim();
            }
        }

        var fromProfile = profileRegion(profile ?? NonEmpty(environment("AWS_PROFILE")));
        if (!string.IsNullOrWhiteSpace(fromProfile))
        {
            return fromProfile.Trim();
        }

        throw new ArgumentException(MissingRegionMessage);
    }

    /// <summary>The region of a named profile, or (no name) of the SDK's fallback chain without instance metadata.</summary>
    internal static string? ProfileRegion(string? profile)
    {
        try
        {
            if (profile is not null)
            {
                return new CredentialProfileStoreChain().TryGetProfile(profile, out var found) ? found.Region?.SystemName : null;
            }

            return FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: false)?.SystemName;
        }
        catch (AmazonClientException)
        {
            return null;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
