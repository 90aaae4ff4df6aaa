namespace ChatOpsBot.Aws.Tests.Infrastructure;

public sealed record CannedResponse(int Status, string Body, string ContentType = "text/xml")
{
    public static CannedResponse Xml(string body) => new(200, body);

    public static CannedResponse Json(string body) => new(200, body, "application/x-amz-json-1.1");

    public static CannedResponse QueryError(int status, string code, string message, string type = "Sender") => new(
        status,
        $"""
        <ErrorResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
          <Error><Type>{type}</Type><Code>{code}</Code><Message>{message}</Message></Error>
          <RequestId>11111111-2222-3333-4444-555555555555</RequestId>
        </ErrorResponse>
        """);
}
