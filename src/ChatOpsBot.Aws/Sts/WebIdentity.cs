using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Aws.Errors;

namespace ChatOpsBot.Aws.Sts;

/// <summary>
/// Base credentials from a web identity token file (EKS IRSA, <c>AWS_WEB_IDENTITY_TOKEN_FILE</c> + <c>AWS_ROLE_ARN</c>):
/// the file is read again at every refresh (the platform rotates it) and exchanged with
/// AssumeRoleWithWebIdentity. Used when no explicit key, profile or <c>AWS_ACCESS_KEY_ID</c> is set, the same
/// precedence as the SDK's default chain.
/// </summary>
internal sealed class WebIdentity(string tokenFile, string roleArn, string? sessionName)
{
    public const string TokenFileVariable = "AWS_WEB_IDENTITY_TOKEN_FILE";
    public const string RoleArnVariable = "AWS_ROLE_ARN";
    public const string SessionNameVariable = "AWS_ROLE_SESSION_NAME";

    public static WebIdentity? FromEnvironment(Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(environment("AWS_ACCESS_KEY_ID")) || !string.IsNullOrWhiteSpace(environment("AWS_PROFILE")))
        {
            return null;
        }

        var file = environment(TokenFileVariable)?.Trim();
        var role = environment(RoleArnVariable)?.Trim();
        if (string.IsNullOrEmpty(file))
        {
            return null;
        }

        if (string.IsNullOrEmpty(role))
        {
            throw CredentialsUnavailableException.Specific(
                $"{TokenFileVariable} is set but {RoleArnVariable} is not: set {RoleArnVariable} to the role the web identity token may assume.");
        }

        return new WebIdentity(file, role, environment(SessionNameVariable) is { Length: > 0 } name ? name.Trim() : null);
    }

    public async Task<TemporaryCredentials> AssumeAsync(AmazonSecurityTokenServiceClient sts, string defaultSessionName, CancellationToken cancellationToken)
    {
        string token;
        try
        {
            token = (await File.ReadAllTextAsync(tokenFile, cancellationToken).ConfigureAwait(false)).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CredentialsUnavailableException.Specific(
                $"{TokenFileVariable} points to '{tokenFile}', which cannot be read ({e.GetType().Name}): mount the projected service-account token there or fix the variable.", e);
        }

        if (token.Length == 0)
        {
            throw CredentialsUnavailableException.Specific($"The web identity token file '{tokenFile}' ({TokenFileVariable}) is empty.");
        }

        try
        {
            var response = await sts.AssumeRoleWithWebIdentityAsync(
                new AssumeRoleWithWebIdentityRequest { RoleArn = roleArn, RoleSessionName = sessionName ?? defaultSessionName, WebIdentityToken = token },
                cancellationToken).ConfigureAwait(false);
            return AccountCredentials.ToTemporary(response.Credentials, "AssumeRoleWithWebIdentity");
        }
        catch (AmazonSecurityTokenServiceException e) when (e.ErrorCode is not null)
        {
            var said = AwsErrorMessages.Redact(e.Message) is { } text ? $" AWS said: {text}" : string.Empty;
            throw AccountCredentials.StsRefused(e.ErrorCode switch
            {
                "ExpiredTokenException" =>
                    $"The web identity token in {TokenFileVariable} ('{tokenFile}') has expired, so STS refused AssumeRoleWithWebIdentity for {roleArn}. The platform must keep rewriting that file (EKS projected service-account token, kubelet rotation): check that the volume is still mounted and refreshed, or restart the pod.{said}",
                "InvalidIdentityToken" or "IDPRejectedClaim" =>
                    $"STS rejected the web identity token in {TokenFileVariable} ('{tokenFile}') ({e.ErrorCode}): check the OIDC provider registered in IAM and the token's audience (sts.amazonaws.com).{said}",
                "AccessDenied" =>
                    $"STS refused AssumeRoleWithWebIdentity for {roleArn} ({RoleArnVariable}): the role's trust policy must trust the cluster's OIDC provider and this service account.{said}",
                _ => $"STS refused AssumeRoleWithWebIdentity for {roleArn} ({e.ErrorCode}).{said}",
            }, e);
        }
    }
}
