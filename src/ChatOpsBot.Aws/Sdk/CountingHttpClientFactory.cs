using Amazon.Runtime;

namespace ChatOpsBot.Aws.Sdk;

/// <summary>Gives the SDK clients an <see cref="HttpClient"/> whose chain counts attempts (see <see cref="AttemptCounter"/>).</summary>
internal sealed class CountingHttpClientFactory : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var sockets = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            AllowAutoRedirect = false,
        };
        return new HttpClient(new AttemptCountingHandler(sockets)) { Timeout = clientConfig.Timeout ?? TimeSpan.FromSeconds(60) };
    }

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public override string GetConfigUniqueString(IClientConfig clientConfig) => "chatopsbot-aws-counting";
}
