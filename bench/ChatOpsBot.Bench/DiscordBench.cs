using System.Globalization;
using ChatOpsBot.Hosting;
using ChatOpsBot.Simulation;
using ChatOpsBot.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// N concurrent /diagnose commands, signed by a fake Discord, into the real host on loopback, with the simulated AWS
/// behind. Prints p50/p99 time to the initial response (Discord's deadline is 3000 ms) and checks every command got
/// its own final message.
/// </summary>
internal static class DiscordBench
{
    public static async Task RunAsync(int commands)
    {
        // A throw-away store: a benchmark must not fill the operator's own transcripts.
        var work = Directory.CreateTempSubdirectory("chatopsbot-bench-");
        try
        {
            await RunAsync(commands, Path.Combine(work.FullName, "transcripts.db"));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task RunAsync(int commands, string transcripts)
    {
        await using var aws = await SimulatedEnvironment.StartAsync("sg-blocks-health-check", null, CancellationToken.None);
        await using var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions());
        var settings = new Dictionary<string, string?>
        {
            ["Transcripts:SqlitePath"] = transcripts,
            ["Discord:ApplicationId"] = discord.ApplicationId,
            ["Discord:PublicKey"] = discord.PublicKeyHex,
            ["Discord:BotToken"] = discord.BotToken,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await using var app = BotHost.Build(aws.Settings, settings, "http://127.0.0.1:0");
        await app.StartAsync();
        var url = new Uri(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/interactions");

        // Warm-up: JIT, connections, first AWS calls.
        var warm = discord.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "demo-alb" });
        await discord.SendAsync(url, warm);
        await discord.WaitForOriginalAsync(warm["id"]!.GetValue<string>(), m => !m.Loading && m.CustomIds.Count > 0, TimeSpan.FromSeconds(60));

        var batch = Enumerable.Range(0, commands)
            .Select(_ => discord.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "demo-alb" }))
            .ToArray();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var replies = await Task.WhenAll(batch.Select(c => discord.SendAsync(url, c)));
        var finals = await Task.WhenAll(batch.Select(c => discord.WaitForOriginalAsync(c["id"]!.GetValue<string>(), m => !m.Loading && m.CustomIds.Count > 0, TimeSpan.FromSeconds(120))));
        started.Stop();

        var ms = replies.Select(r => r.Elapsed.TotalMilliseconds).Order().ToArray();
        double P(double q) => ms[Math.Min(ms.Length - 1, (int)Math.Ceiling(q * ms.Length) - 1)];
        var distinct = finals.Select(f => f.Id).Distinct().Count();
        var acknowledged = replies.Count(r => r.Acknowledged && r.CallbackType == 5);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{commands} concurrent /diagnose 503 commands (after one warm-up)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"initial response: p50 {P(0.50):0.0} ms, p99 {P(0.99):0.0} ms, max {ms[^1]:0.0} ms (target p99 < 100 ms; Discord's deadline 3000 ms)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"deferred and acknowledged: {acknowledged}/{commands}; final messages: {distinct} distinct for {commands} commands; all finished in {started.Elapsed.TotalSeconds:0.0} s"));
        Console.WriteLine(distinct == commands && acknowledged == commands ? "OK: every command got its own final message" : "FAIL: some commands lack their own final message");
    }
}
