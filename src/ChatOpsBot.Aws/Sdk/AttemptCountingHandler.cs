namespace ChatOpsBot.Aws.Sdk;

internal sealed class AttemptCountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        AttemptCounter.Increment();
        return base.SendAsync(request, cancellationToken);
    }
}
