using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ChatOpsBot.Simulator.Hosting;

/// <summary>
/// Checks that a request carries a well-formed SigV4 <c>Authorization</c> header scoped to the right key, region and
/// service. It does not recompute the signature: the production client signs through the AWS SDK, and the point
/// here is to catch unsigned calls, foreign keys and wrong signing names. A temporary key issued by the simulated
/// STS must come with its session token (<c>X-Amz-Security-Token</c>) and is refused once it has expired.
/// </summary>
internal static partial class SignatureCheck
{
    public static AwsErrorException? Verify(
        HttpRequest request, string signingService, string region, Sts.CredentialBook keys, AwsProtocol protocol, DateTimeOffset now, out string? accessKeyId)
    {
        accessKeyId = null;
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return Fail(protocol, "MissingAuthenticationToken", "Request is missing Authentication Token");
        }

        var match = AuthorizationPattern().Match(header);
        if (!match.Success)
        {
            return Fail(protocol, "IncompleteSignature",
                $"Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters, and the AWS4-HMAC-SHA256 algorithm. Authorization={Redact(header)}");
        }

        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!DateTime.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return Fail(protocol, "IncompleteSignature", "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }

        var signedHeaders = match.Groups["headers"].Value.Split(';');
        if (!signedHeaders.Contains("host", StringComparer.Ordinal))
        {
            return Fail(protocol, "SignatureDoesNotMatch", "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        var key = match.Groups["key"].Value;
        var session = keys.Find(key);
        if (key != keys.BaseAccessKeyId && (session is null || request.Headers["X-Amz-Security-Token"].ToString() != session.SessionToken))
        {
            return protocol switch
            {
                AwsProtocol.Ec2 => new AwsErrorException("AuthFailure", "AWS was not able to validate the provided access credentials", 401),
                AwsProtocol.Json => new AwsErrorException("UnrecognizedClientException", "The security token included in the request is invalid.", 400),
                _ => new AwsErrorException("InvalidClientTokenId", "The security token included in the request is invalid.", 403),
            };
        }

        accessKeyId = key;
        if (session is not null && now >= session.Expiration)
        {
            return protocol == AwsProtocol.Json
                ? new AwsErrorException("ExpiredTokenException", "The security token included in the request is expired", 400)
                : new AwsErrorException("ExpiredToken", "The security token included in the request is expired", 403);
        }

        if (match.Groups["date"].Value != amzDate[..8])
        {
            return Fail(protocol, "SignatureDoesNotMatch",
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{match.Groups["date"].Value}' != '{amzDate[..8]}', from '{amzDate}'.");
        }

        if (match.Groups["region"].Value != region)
        {
            return Fail(protocol, "SignatureDoesNotMatch", $"Credential should be scoped to a valid region. ");
        }

        if (match.Groups["service"].Value != signingService)
        {
            return Fail(protocol, "SignatureDoesNotMatch", $"Credential should be scoped to correct service: '{signingService}'. ");
        }

        return null;
    }

    private static AwsErrorException Fail(AwsProtocol protocol, string code, string message) => protocol == AwsProtocol.Json
        ? new AwsErrorException(code switch
        {
            "SignatureDoesNotMatch" => "InvalidSignatureException",
            _ => code + "Exception",
        }, message, 400)
        : new AwsErrorException(code, message, 403);

    private static string Redact(string header) =>
        header.Length <= 24 ? header : header[..24] + "...";

    [GeneratedRegex(@"^AWS4-HMAC-SHA256\s+Credential=(?<key>[^/,\s]+)/(?<date>\d{8})/(?<region>[^/,\s]+)/(?<service>[^/,\s]+)/aws4_request,\s*SignedHeaders=(?<headers>[a-z0-9\-;]+),\s*Signature=(?<sig>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
