using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ChatOpsBot.Simulator.Hosting;
using ChatOpsBot.Simulator.Scenarios;
using static ChatOpsBot.Simulator.Hosting.XmlText;

namespace ChatOpsBot.Simulator.Sts;

/// <summary>
/// AWS Security Token Service (2011-06-15, awsQuery): AssumeRole, AssumeRoleWithWebIdentity (unsigned, as in AWS)
/// and GetCallerIdentity. Roles, required external ids and session lifetimes come from the scenario's <c>sts</c>;
/// issued keys go into the <see cref="CredentialBook"/> so the other services accept them until they expire.
/// </summary>
internal sealed partial class StsApi(ScenarioIndex index, CredentialBook keys) : IAwsApi
{
    public const string Version = "2011-06-15";
    private const int DefaultDurationSeconds = 3600;
    private static readonly XNamespace Ns = "https://sts.amazonaws.com/doc/2011-06-15/";

    public string SigningName => "sts";

    public string ServiceName => "sts";

    public AwsProtocol Protocol => AwsProtocol.Query;

    public XNamespace XmlNamespace => Ns;

    private Scenario Scenario => index.Scenario;

    private string BaseCallerArn => Scenario.Sts.CallerArn ?? $"arn:aws:iam::{Scenario.AccountId}:user/chatops-bot";

    public bool AcceptsUnsigned(string action) => action == "AssumeRoleWithWebIdentity";

    public AwsResponse Handle(AwsRequest request) => request.Action switch
    {
        "AssumeRole" => AssumeRole(request),
        "AssumeRoleWithWebIdentity" => AssumeRoleWithWebIdentity(request),
        "GetCallerIdentity" => GetCallerIdentity(request),
        _ => throw new AwsErrorException("InvalidAction", $"Could not find operation {request.Action} for version {Version}"),
    };

    private AwsResponse AssumeRole(AwsRequest request)
    {
        var (roleArn, sessionName, duration) = CommonParameters(request.Form);
        var externalId = request.Form.Get("ExternalId");
        if (externalId is not null && (externalId.Length is < 2 or > 1224 || !ExternalIdPattern().IsMatch(externalId)))
        {
            throw Validation(externalId, "externalId", "Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*");
        }

        var caller = request.AccessKeyId is { } key && keys.Find(key) is { } chained ? chained.AssumedRoleArn : BaseCallerArn;
        var role = Scenario.Sts.Roles.FirstOrDefault(r => r.Arn == roleArn);
        if (role is null || !string.Equals(role.ExternalId, externalId, StringComparison.Ordinal))
        {
            throw new AwsErrorException("AccessDenied", $"User: {caller} is not authorized to perform: sts:AssumeRole on resource: {roleArn}", 403);
        }

        var session = Issue(role, sessionName, externalId, duration, request.Now);
        return AwsResponse.Xml(Document(
            E("AssumeRoleResponse",
                E("AssumeRoleResult",
                    AssumedRoleUser(session),
                    Credentials(session),
                    E("PackedPolicySize", "0")),
                E("ResponseMetadata", E("RequestId", request.RequestId)))));
    }

    private AwsResponse AssumeRoleWithWebIdentity(AwsRequest request)
    {
        var (roleArn, sessionName, duration) = CommonParameters(request.Form);
        var token = request.Form.Get("WebIdentityToken");
        if (string.IsNullOrEmpty(token))
        {
            throw new AwsErrorException("ValidationError", "1 validation error detected: Value null at 'webIdentityToken' failed to satisfy constraint: Member must not be null");
        }

        var claims = JwtClaims(token);
        var expires = claims.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
            ? seconds
            : throw new AwsErrorException("InvalidIdentityToken", "The ID Token provided is not a valid JWT: it has no exp claim.");
        var now = request.Now.ToUnixTimeSeconds();
        if (now >= expires)
        {
            throw new AwsErrorException("ExpiredTokenException", $"Token expired: current date/time {now} must be before the expiration date/time {expires}");
        }

        var role = Scenario.Sts.Roles.FirstOrDefault(r => r.Arn == roleArn);
        if (role is null || !role.WebIdentity)
        {
            throw new AwsErrorException("AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity", 403);
        }

        var session = Issue(role, sessionName, null, duration, request.Now);
        return AwsResponse.Xml(Document(
            E("AssumeRoleWithWebIdentityResponse",
                E("AssumeRoleWithWebIdentityResult",
                    E("SubjectFromWebIdentityToken", Claim(claims, "sub")),
                    E("Audience", Claim(claims, "aud")),
                    AssumedRoleUser(session),
                    Credentials(session),
                    E("Provider", Claim(claims, "iss"))),
                E("ResponseMetadata", E("RequestId", request.RequestId)))));
    }

    private AwsResponse GetCallerIdentity(AwsRequest request)
    {
        var session = request.AccessKeyId is { } key ? keys.Find(key) : null;
        var arn = session?.AssumedRoleArn ?? BaseCallerArn;
        return AwsResponse.Xml(Document(
            E("GetCallerIdentityResponse",
                E("GetCallerIdentityResult",
                    E("Arn", arn),
                    E("UserId", session?.AssumedRoleId ?? "AIDA" + DerivedIds.Hex(arn, 17).ToUpperInvariant()),
                    E("Account", arn.Split(':')[4])),
                E("ResponseMetadata", E("RequestId", request.RequestId)))));
    }

    private static (string RoleArn, string SessionName, int Duration) CommonParameters(QueryParameters form)
    {
        var roleArn = form.Get("RoleArn");
        if (string.IsNullOrEmpty(roleArn))
        {
            throw new AwsErrorException("ValidationError", "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
        }

        if (roleArn.Length < 20)
        {
            throw Validation(roleArn, "roleArn", "Member must have length greater than or equal to 20");
        }

        var sessionName = form.Get("RoleSessionName");
        if (string.IsNullOrEmpty(sessionName))
        {
            throw new AwsErrorException("ValidationError", "1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null");
        }

        if (sessionName.Length is < 2 or > 64)
        {
            throw Validation(sessionName, "roleSessionName", sessionName.Length < 2
                ? "Member must have length greater than or equal to 2"
                : "Member must have length less than or equal to 64");
        }

        if (!SessionNamePattern().IsMatch(sessionName))
        {
            throw Validation(sessionName, "roleSessionName", "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }

        var duration = form.GetInt("DurationSeconds") ?? DefaultDurationSeconds;
        if (duration is < 900 or > 43200)
        {
            throw Validation(duration.ToString(CultureInfo.InvariantCulture), "durationSeconds", duration < 900
                ? "Member must have value greater than or equal to 900"
                : "Member must have value less than or equal to 43200");
        }

        return (roleArn, sessionName, duration);
    }

    private IssuedSession Issue(ScenarioRole role, string sessionName, string? externalId, int duration, DateTimeOffset now)
    {
        if (duration > role.MaxSessionDurationSeconds)
        {
            throw new AwsErrorException("ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }

        return keys.Issue(role.Arn, sessionName, externalId, now.AddSeconds(duration));
    }

    private static JsonElement JwtClaims(string token)
    {
        var parts = token.Split('.');
        try
        {
            if (parts.Length != 3)
            {
                throw new FormatException();
            }

            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new AwsErrorException("InvalidIdentityToken", "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)");
        }
    }

    private static string Claim(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static AwsErrorException Validation(string value, string member, string constraint) =>
        new("ValidationError", $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");

    private static XElement AssumedRoleUser(IssuedSession session) =>
        E("AssumedRoleUser", E("AssumedRoleId", session.AssumedRoleId), E("Arn", session.AssumedRoleArn));

    private static XElement Credentials(IssuedSession session) =>
        E("Credentials",
            E("AccessKeyId", session.AccessKeyId),
            E("SecretAccessKey", session.SecretAccessKey),
            E("SessionToken", session.SessionToken),
            E("Expiration", session.Expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));

    private static XElement E(string name, params object?[] content) => new(Ns + name, content);

    [GeneratedRegex(@"^[\w+=,.@-]*$")]
    private static partial Regex SessionNamePattern();

    [GeneratedRegex(@"^[\w+=,.@:/-]*$")]
    private static partial Regex ExternalIdPattern();
}
