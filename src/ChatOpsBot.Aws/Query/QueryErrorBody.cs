using System.Xml;

namespace ChatOpsBot.Aws.Query;

/// <summary>The parts of an awsQuery error body (<c>ErrorResponse/Error/{Type,Code,Message}</c>, <c>RequestId</c>),
/// read without regard to namespace; EC2-style <c>Response/Errors/Error</c> is read too.</summary>
internal sealed record QueryErrorBody(string? Type, string? Code, string? Message, string? RequestId)
{
    public static QueryErrorBody Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '<')
        {
            return new(null, null, null, null);
        }

        try
        {
            var root = QueryXml.Parse(body).Root;
            var error = root.Child("Error") ?? root.Path("Errors", "Error") ?? (root?.Name.LocalName == "Error" ? root : null);
            var requestId = root.Text("RequestId") ?? root.Text("RequestID") ?? error.Text("RequestId");
            return new(error.TextOrNull("Type"), error.TextOrNull("Code"), error.TextOrNull("Message"), requestId);
        }
        catch (XmlException)
        {
            return new(null, null, null, null);
        }
    }
}
