namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioRedirectConfig
{
    public string Protocol { get; init; } = "#{protocol}";

    public string Port { get; init; } = "#{port}";

    public string Host { get; init; } = "#{host}";

    public string Path { get; init; } = "/#{path}";

    public string Query { get; init; } = "#{query}";

    /// <summary>HTTP_301 or HTTP_302.</summary>
    public string StatusCode { get; init; } = "HTTP_301";
}
