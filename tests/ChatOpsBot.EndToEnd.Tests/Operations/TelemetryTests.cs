using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.EndToEnd.Tests.Support;
using ChatOpsBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.EndToEnd.Tests.Operations;

/// <summary>The bot's metrics and traces, read the way operators read them: a Prometheus scrape of /metrics and an
/// OTLP/HTTP collector on loopback. Each test runs the bot as its own process, so its counters are its alone.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Metrics_AfterADiagnosisThroughDiscord_CountDiagnosesStepsAwsCallsThrottlesAndDiscordRequests()
    {
        await using var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions());
        var work = Directory.CreateTempSubdirectory("chatopsbot-metrics-");
        try
        {
            // One throttle on the query path (ELBv2) and one on the SDK path (EC2): each is retried once and succeeds.
            var scenario = await ScenarioFiles.WithFaultsAsync(
                work,
                "sg-blocks-health-check",
                new JsonObject { ["service"] = "elasticloadbalancing", ["action"] = "DescribeTargetHealth", ["error"] = "Throttling", ["times"] = 1 },
                new JsonObject { ["service"] = "ec2", ["action"] = "DescribeSubnets", ["error"] = "RequestLimitExceeded", ["times"] = 1 });
            await using var bot = await BotProcess.StartAsync(ScenarioFiles.BotEnvironment(discord, work), "--simulate", scenario);
            discord.RateLimitNext(DiscordRoutes.EditOriginalResponse, times: 1);

            var command = discord.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "demo-alb" });
            Assert.Equal(5, (await discord.SendAsync(bot.Interactions, command)).CallbackType);
            await discord.WaitForOriginalAsync(command["id"]!.GetValue<string>(), m => m.CustomIds.Any(c => c.StartsWith("ack:", StringComparison.Ordinal)), TimeSpan.FromSeconds(60));

            using var http = new HttpClient();
            var response = await http.GetAsync(new Uri(bot.BaseUrl, "/metrics"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            var m = PrometheusText.Parse(await response.Content.ReadAsStringAsync());

            Assert.Equal(1, m.Sum("chatopsbot_discord_interactions_total", ("type", "application_command")));
            Assert.Equal(1, m.Sum("chatopsbot_diagnoses_started_total", ("runbook", "503")));
            Assert.Equal(1, m.Sum("chatopsbot_diagnoses_finished_total", ("runbook", "503"), ("outcome", "diagnosed"), ("root_cause", "network-blocked")));

            // One histogram sample per step entered, tagged with the state; the evidence waves are among them.
            foreach (var state in new[] { "ResolvingLoadBalancer", "GatheringConfiguration", "GatheringHealthAndMetrics", "CheckingNetworkPath", "Diagnosed" })
            {
                Assert.Equal(1, m.Sum("chatopsbot_runbook_step_duration_seconds_count", ("runbook", "503"), ("state", state)));
            }

            Assert.True(m.Sum("chatopsbot_runbook_step_duration_seconds_sum", ("state", "GatheringHealthAndMetrics")) > 0);
            Assert.Equal(1, m.Sum("chatopsbot_aws_calls_total", ("service", "elasticloadbalancing"), ("action", "DescribeLoadBalancers"), ("outcome", "ok")));
            Assert.True(m.Sum("chatopsbot_aws_calls_total", ("service", "cloudwatch"), ("action", "GetMetricData"), ("outcome", "ok")) >= 1);
            Assert.Equal(1, m.Sum("chatopsbot_aws_throttles_total", ("service", "elasticloadbalancing"), ("action", "DescribeTargetHealth")));
            Assert.Equal(1, m.Sum("chatopsbot_aws_retries_total", ("service", "elasticloadbalancing"), ("action", "DescribeTargetHealth")));
            Assert.Equal(1, m.Sum("chatopsbot_aws_throttles_total", ("service", "ec2"), ("action", "DescribeSubnets")));
            Assert.Equal(1, m.Sum("chatopsbot_aws_retries_total", ("service", "ec2"), ("action", "DescribeSubnets")));
            Assert.False(m.Has("chatopsbot_aws_throttles_total", ("action", "DescribeLoadBalancers")));

            const string edit = "PATCH /webhooks/{app}/{token}/messages/@original";
            Assert.True(m.Sum("chatopsbot_discord_requests_total", ("route", edit), ("status", "200")) >= 2);
            Assert.Equal(1, m.Sum("chatopsbot_discord_requests_total", ("route", edit), ("status", "429")));
            Assert.Equal(1, m.Sum("chatopsbot_discord_rate_limited_total", ("route", edit)));
            Assert.Equal(0, m.Sum("chatopsbot_workqueue_depth"));
            Assert.True(m.Has("chatopsbot_workqueue_running"));
            Assert.DoesNotContain(discord.BotToken, m.Raw, StringComparison.Ordinal);
            Assert.DoesNotContain(command["token"]!.GetValue<string>(), m.Raw, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Otlp_WithTheStandardEndpointVariable_PushesTheDiagnosisTraceAndMetricsAsProtobuf()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions());
        var work = Directory.CreateTempSubdirectory("chatopsbot-otlp-");
        try
        {
            var env = ScenarioFiles.BotEnvironment(discord, work);
            env["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseUrl.ToString().TrimEnd('/');
            env["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            env["OTEL_BSP_SCHEDULE_DELAY"] = "200";
            env["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
            await using var bot = await BotProcess.StartAsync(env, "--simulate");

            var command = discord.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "demo-alb" });
            Assert.Equal(5, (await discord.SendAsync(bot.Interactions, command)).CallbackType);
            await discord.WaitForOriginalAsync(command["id"]!.GetValue<string>(), m => m.CustomIds.Count > 0, TimeSpan.FromSeconds(60));

            // Span names travel as UTF-8 strings inside the protobuf: the diagnosis, a step and an AWS call.
            var traces = await collector.WaitForAsync("/v1/traces", "elasticloadbalancing DescribeLoadBalancers", TimeSpan.FromSeconds(30));
            Assert.Equal("application/x-protobuf", traces.ContentType);
            Assert.Contains(collector.Received, r => r.Path == "/v1/traces" && r.Text.Contains("diagnose 503", StringComparison.Ordinal));
            Assert.Contains(collector.Received, r => r.Path == "/v1/traces" && r.Text.Contains("step GatheringHealthAndMetrics", StringComparison.Ordinal));
            var metrics = await collector.WaitForAsync("/v1/metrics", "chatopsbot.diagnoses.finished", TimeSpan.FromSeconds(30));
            Assert.Equal("application/x-protobuf", metrics.ContentType);
            Assert.DoesNotContain(collector.Received, r => r.Text.Contains(discord.BotToken, StringComparison.Ordinal));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>A loopback OTLP/HTTP receiver: records every POST (path, content type, body) and answers 200 with an
    /// empty protobuf message, as a collector does.</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<Received> _received = new();

        private OtlpCollector(WebApplication app, ConcurrentQueue<Received> received)
        {
            _app = app;
            _received = received;
            BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }

        public Uri BaseUrl { get; }

        public IReadOnlyList<Received> Received => [.. _received];

        public static async Task<OtlpCollector> StartAsync()
        {
            var received = new ConcurrentQueue<Received>();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.MapPost("/v1/{signal}", async (HttpContext http) =>
            {
                using var body = new MemoryStream();
                await http.Request.Body.CopyToAsync(body);
                received.Enqueue(new Received(http.Request.Path, http.Request.ContentType ?? string.Empty, body.ToArray()));
                http.Response.ContentType = "application/x-protobuf";
            });
            await app.StartAsync();
            return new OtlpCollector(app, received);
        }

        public async Task<Received> WaitForAsync(string path, string containing, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                if (_received.FirstOrDefault(r => r.Path == path && r.Text.Contains(containing, StringComparison.Ordinal)) is { } found)
                {
                    return found;
                }

                await Task.Delay(100);
            }

            throw new TimeoutException($"no OTLP POST to {path} containing '{containing}' within {timeout}; received: {string.Join(", ", _received.Select(r => r.Path))}");
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private sealed record Received(string Path, string ContentType, byte[] Body)
    {
        public string Text => Encoding.UTF8.GetString(Body);
    }
}
