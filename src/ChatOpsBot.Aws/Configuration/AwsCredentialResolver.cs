using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace ChatOpsBot.Aws.Configuration;

/// <summary>Credentials precedence: explicit, the named profile, then the SDK's default chain
/// (environment, shared profile, SSO, web identity, container and instance roles).</summary>
internal static class AwsCredentialResolver
{
    public static AWSCredentials Resolve(AwsConnectionSettings settings)
    {
        if (settings.Credentials is not null)
        {
            return settings.Credentials;
        }

        if (!string.IsNullOrWhiteSpace(settings.Profile))
        {
            AWSCredentials? fromProfile;
            try
            {
                _ = new CredentialProfileStoreChain().TryGetAWSCredentials(settings.Profile, out fromProfile);
            }
            catch (Exception ex) when (ex is AmazonClientException or InvalidOperationException or IOException or ArgumentException)
            {
                throw new CredentialsUnavailableException($"The AWS profile '{settings.Profile}' could not be read.", ex);
            }

            return fromProfile
                ?? throw new CredentialsUnavailableException($"The AWS profile '{settings.Profile}' was not found or has no credentials.");
        }

        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials(null)
                ?? throw new CredentialsUnavailableException("No AWS credentials were found.");
        }
        catch (AmazonClientException ex)
        {
            throw new CredentialsUnavailableException("No AWS credentials were found.", ex);
        }
        catch (AmazonServiceException ex)
        {
            throw new CredentialsUnavailableException("The AWS credentials could not be obtained.", ex);
        }
    }
}
