namespace ChatOpsBot.Simulator.Hosting;

internal sealed record AwsResponse(int StatusCode, string ContentType, string Body)
{
    public const string XmlContentType = "text/xml";
    public const string JsonContentType = "application/x-amz-json-1.1";

    public static AwsResponse Xml(string body) => new(200, XmlContentType, body);

    public static AwsResponse Json(string body) => new(200, JsonContentType, body);
}
