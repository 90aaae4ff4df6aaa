using System.Text.Json;
using System.Xml.Linq;

namespace ChatOpsBot.Simulator.Hosting;

/// <summary>Writes an AWS error in the format of the protocol the request used.</summary>
internal static class ErrorWriter
{
    public static AwsResponse Write(AwsProtocol protocol, XNamespace xmlNamespace, AwsErrorException error, string requestId) =>
        protocol switch
        {
            AwsProtocol.Json => new AwsResponse(
                error.StatusCode,
                AwsResponse.JsonContentType,
                JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = error.Code, ["message"] = error.Message })),
            AwsProtocol.Ec2 => new AwsResponse(
                error.StatusCode,
                AwsResponse.XmlContentType,
                XmlText.Document(new XElement("Response",
                    new XElement("Errors", new XElement("Error",
                        new XElement("Code", error.Code),
                        new XElement("Message", error.Message))),
                    new XElement("RequestID", requestId)))),
            _ => new AwsResponse(
                error.StatusCode,
                AwsResponse.XmlContentType,
                XmlText.Document(new XElement(xmlNamespace + "ErrorResponse",
                    new XElement(xmlNamespace + "Error",
                        new XElement(xmlNamespace + "Type", error.StatusCode >= 500 ? "Receiver" : "Sender"),
                        new XElement(xmlNamespace + "Code", error.Code),
                        new XElement(xmlNamespace + "Message", error.Message)),
                    new XElement(xmlNamespace + "RequestId", requestId)))),
        };
}
