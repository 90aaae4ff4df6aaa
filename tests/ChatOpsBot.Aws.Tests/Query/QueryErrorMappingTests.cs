using ChatOpsBot.Aws.Errors;
using ChatOpsBot.Aws.Query;
using ChatOpsBot.Aws.Tests.Infrastructure;
using ChatOpsBot.Runbooks.Evidence;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Aws.Tests.Query;

public sealed class QueryErrorMappingTests
{
    [Fact]
    public void ErrorBody_ElbLoadBalancerNotFoundSample_ReadsCodeMessageAndRequestId()
    {
        var error = QueryErrorBody.Parse(Fixtures.Read("errors/ELB-LoadBalancerNotFound.xml"));

        Assert.Equal(new QueryErrorBody("Sender", "LoadBalancerNotFound", "Cannot find Load Balancer webapp-balancer2", "093f80d0-4473-11e1-9234-edce8ec08e2d"), error);
    }

    [Fact]
    public void ErrorBody_ThrottlingSampleInAnotherNamespace_ReadsCode()
    {
        var error = QueryErrorBody.Parse(Fixtures.Read("errors/Query-Throttling.xml"));

        Assert.Equal(("Throttling", "Rate exceeded"), (error.Code, error.Message));
    }

    [Fact]
    public void ErrorBody_Ec2Envelope_ReadsCode()
    {
        var error = QueryErrorBody.Parse(
            "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>no</Message></Error></Errors><RequestID>r-1</RequestID></Response>");

        Assert.Equal(("UnauthorizedOperation", "r-1"), (error.Code, error.RequestId));
    }

    [Theory]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("")]
    [InlineData("not xml at all")]
    public void ErrorBody_NotAnAwsError_HasNoCode(string body) => Assert.Null(QueryErrorBody.Parse(body).Code);

    [Theory]
    [InlineData("AccessDenied", 403, EvidenceFailureKind.AccessDenied, "None")]
    [InlineData("AccessDeniedException", 400, EvidenceFailureKind.AccessDenied, "None")]
    [InlineData("UnauthorizedOperation", 403, EvidenceFailureKind.AccessDenied, "None")]
    [InlineData("UnauthorizedAccess", 401, EvidenceFailureKind.AccessDenied, "None")]
    [InlineData("InvalidClientTokenId", 403, EvidenceFailureKind.NoCredentials, "None")]
    [InlineData("SignatureDoesNotMatch", 403, EvidenceFailureKind.NoCredentials, "None")]
    [InlineData("ExpiredToken", 400, EvidenceFailureKind.NoCredentials, "None")]
    [InlineData("ExpiredTokenException", 400, EvidenceFailureKind.NoCredentials, "None")]
    [InlineData("MissingAuthenticationToken", 403, EvidenceFailureKind.NoCredentials, "None")]
    [InlineData("UnrecognizedClientException", 400, EvidenceFailureKind.NoCredentials, "None")]
    [InlineData("LoadBalancerNotFound", 400, EvidenceFailureKind.NotFound, "None")]
    [InlineData("TargetGroupNotFound", 400, EvidenceFailureKind.NotFound, "None")]
    [InlineData("ListenerNotFound", 400, EvidenceFailureKind.NotFound, "None")]
    [InlineData("RuleNotFound", 400, EvidenceFailureKind.NotFound, "None")]
    [InlineData("InvalidVpcID.NotFound", 400, EvidenceFailureKind.NotFound, "None")]
    [InlineData("InvalidGroup.NotFound", 400, EvidenceFailureKind.NotFound, "None")]
    [InlineData("ValidationError", 400, EvidenceFailureKind.InvalidRequest, "None")]
    [InlineData("InvalidParameterValue", 400, EvidenceFailureKind.InvalidRequest, "None")]
    [InlineData("InvalidParameterCombination", 400, EvidenceFailureKind.InvalidRequest, "None")]
    [InlineData("Throttling", 400, EvidenceFailureKind.Throttled, "Throttle")]
    [InlineData("ThrottlingException", 400, EvidenceFailureKind.Throttled, "Throttle")]
    [InlineData("RequestLimitExceeded", 503, EvidenceFailureKind.Throttled, "Throttle")]
    [InlineData("TooManyRequestsException", 429, EvidenceFailureKind.Throttled, "Throttle")]
    [InlineData("LimitExceededException", 400, EvidenceFailureKind.Throttled, "Throttle")]
    [InlineData("PriorRequestNotComplete", 429, EvidenceFailureKind.Throttled, "Throttle")]
    [InlineData(null, 429, EvidenceFailureKind.Throttled, "Throttle")]
    [InlineData("HealthUnavailable", 500, EvidenceFailureKind.Unavailable, "Transient")]
    [InlineData("InternalFailure", 500, EvidenceFailureKind.Unavailable, "Transient")]
    [InlineData(null, 500, EvidenceFailureKind.Unavailable, "Transient")]
    [InlineData(null, 502, EvidenceFailureKind.Unavailable, "Transient")]
    [InlineData(null, 503, EvidenceFailureKind.Unavailable, "Transient")]
    [InlineData(null, 504, EvidenceFailureKind.Unavailable, "Transient")]
    [InlineData(null, 403, EvidenceFailureKind.AccessDenied, "None")]
    public void Classify_Code_MapsToKindAndRetry(string? code, int status, EvidenceFailureKind kind, string retry) =>
        Assert.Equal(new AwsErrorClassification(kind, Enum.Parse<RetryClass>(retry)), AwsErrorClassifier.Classify(code, status));

    [Theory]
    [InlineData(403, "AccessDenied", EvidenceFailureKind.AccessDenied)]
    [InlineData(403, "InvalidClientTokenId", EvidenceFailureKind.NoCredentials)]
    [InlineData(400, "TargetGroupNotFound", EvidenceFailureKind.NotFound)]
    [InlineData(400, "ValidationError", EvidenceFailureKind.InvalidRequest)]
    public async Task Send_ErrorBodyAtTheWire_BecomesTypedEvidenceException(int status, string code, EvidenceFailureKind kind)
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.QueryError(status, code, "something"));
        var client = TestAws.QueryClient(server, new FakeTimeProvider());

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => client.SendAsync("DescribeTargetHealth", new QueryParameters(), CancellationToken.None));

        Assert.Equal(kind, ex.Kind);
        Assert.Equal(code, ex.ErrorCode);
        Assert.Equal("elasticloadbalancing", ex.Service);
        Assert.Equal("DescribeTargetHealth", ex.Operation);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Send_SignatureMismatchEchoingTheCanonicalRequest_MessageHoldsNoSecret()
    {
        string? authorization = null;
        await using var server = await FakeAwsServer.StartAsync(request =>
        {
            authorization = request.Header("Authorization");
            return CannedResponse.QueryError(
                403,
                "SignatureDoesNotMatch",
                $"The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. "
                + $"The Canonical String for this request should have been 'POST / content-type:application/x-www-form-urlencoded x-amz-security-token:{TestAws.SessionToken}' "
                + $"Authorization: {request.Header("Authorization")} secret {TestAws.SecretKey}");
        });
        var client = TestAws.QueryClient(server, new FakeTimeProvider());

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => client.SendAsync("DescribeRules", new QueryParameters(), CancellationToken.None));

        Assert.Equal(EvidenceFailureKind.NoCredentials, ex.Kind);
        AssertNoSecrets(ex.ToString(), authorization!);
        Assert.Contains("aws configure", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_AccessDeniedMessageWithKeyAndSignature_IsRedacted()
    {
        string? authorization = null;
        await using var server = await FakeAwsServer.StartAsync(request =>
        {
            authorization = request.Header("Authorization");
            var signature = authorization[(authorization.IndexOf("Signature=", StringComparison.Ordinal) + 10)..];
            return CannedResponse.QueryError(
                403, "AccessDenied", $"Denied for {TestAws.AccessKeyId} with Signature={signature} token {TestAws.SessionToken} and {TestAws.SecretKey}");
        });
        var client = TestAws.QueryClient(server, new FakeTimeProvider());

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => client.SendAsync("DescribeRules", new QueryParameters(), CancellationToken.None));

        Assert.Equal(EvidenceFailureKind.AccessDenied, ex.Kind);
        AssertNoSecrets(ex.ToString(), authorization!);
        Assert.Contains("Denied for", ex.Message, StringComparison.Ordinal);
    }

    private static void AssertNoSecrets(string text, string authorization)
    {
        var signature = authorization[(authorization.IndexOf("Signature=", StringComparison.Ordinal) + 10)..];
        Assert.DoesNotContain(TestAws.SecretKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestAws.SessionToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestAws.AccessKeyId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(signature, text, StringComparison.Ordinal);
        Assert.DoesNotContain("AWS4-HMAC-SHA256", text, StringComparison.Ordinal);
    }
}
