namespace ChatOpsBot.Aws.Configuration;

/// <summary>
/// Resolves service endpoints the way the AWS SDKs' "service-specific endpoints" feature does:
/// explicit override, then <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c>, then the regional
/// default. <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c> turns the environment variables off.
/// </summary>
internal sealed class AwsEndpointResolver(IReadOnlyDictionary<AwsService, Uri> overrides, Func<string, string?> environment)
{
    internal const string IgnoreVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";
    internal const string GlobalVariable = "AWS_ENDPOINT_URL";

    /// <summary>The configured endpoint (override or environment), or null when the SDK default applies.</summary>
    public Uri? ResolveConfigured(AwsService service)
    {
        if (overrides.TryGetValue(service, out var explicitUri))
        {
            return explicitUri;
        }

        if (string.Equals(environment(IgnoreVariable)?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Parse(ServiceVariable(service)) ?? Parse(GlobalVariable);
    }

    /// <summary>The endpoint to call: the configured one, else the regional default for the query services.
    /// Null for EC2/SSM/STS without a configured endpoint (the SDK then derives it from the region).</summary>
    public Uri? Resolve(AwsService service, string region) =>
        ResolveConfigured(service) ?? service switch
        {
            AwsService.ElasticLoadBalancingV2 => RegionalDefault("elasticloadbalancing", region),
            AwsService.CloudWatch => RegionalDefault("monitoring", region),
            _ => null,
        };

    internal static string ServiceVariable(AwsService service) => service switch
    {
        AwsService.ElasticLoadBalancingV2 => "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2",
        AwsService.CloudWatch => "AWS_ENDPOINT_URL_CLOUDWATCH",
        AwsService.Ec2 => "AWS_ENDPOINT_URL_EC2",
        AwsService.Ssm => "AWS_ENDPOINT_URL_SSM",
        AwsService.Sts => "AWS_ENDPOINT_URL_STS",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
    };

    internal static Uri RegionalDefault(string endpointPrefix, string region)
    {
        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://{endpointPrefix}.{region}.{suffix}/");
    }

    private Uri? Parse(string variable)
    {
        var value = environment(variable)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"{variable} must be an absolute http(s) URL (was '{value}').");
        }

        return uri;
    }
}
