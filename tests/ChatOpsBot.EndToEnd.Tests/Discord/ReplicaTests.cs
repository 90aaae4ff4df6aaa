using ChatOpsBot.EndToEnd.Tests.Support;
using Npgsql;

namespace ChatOpsBot.EndToEnd.Tests.Discord;

/// <summary>Two bot replicas sharing one PostgreSQL, behind one fake Discord and one simulated AWS.</summary>
public sealed class ReplicaTests
{
    [SkippableFact]
    public async Task TwoReplicas_SameInteractionDeliveredToBoth_IsProcessedOnce_AndClicksWorkOnEither()
    {
        var server = Environment.GetEnvironmentVariable("CHATOPSBOT_TEST_POSTGRES");
        Skip.If(string.IsNullOrEmpty(server), "CHATOPSBOT_TEST_POSTGRES is not set: no PostgreSQL server to share between replicas (.ci/run starts one).");
        var database = $"chatopsbot_e2e_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
            Dictionary<string, string?> Replica(string name) => new()
            {
                ["Transcripts:Provider"] = "postgres",
                ["Transcripts:PostgresConnectionString"] = connection,
                ["Discord:ReplicaId"] = name,
            };
            await using var a = await BotUnderTest.StartAsync(extra: Replica("replica-a"));
            await using var b = await BotUnderTest.StartAsync(extra: Replica("replica-b"), shared: a);
            var d = a.Discord;
            var command = d.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "demo-alb" });

            var replies = await Task.WhenAll(d.SendAsync(a.Interactions, command), d.SendDuplicateAsync(b.Interactions, command));
            var final = await d.WaitForOriginalAsync(command["id"]!.GetValue<string>(), m => !m.Loading && m.CustomIds.Count > 0, TimeSpan.FromSeconds(30));

            Assert.Equal(replies[0].Body, replies[1].Body);
            Assert.Equal(5, replies[0].CallbackType);
            Assert.Single(a.Aws.Aws.Requests, r => r.Action == "DescribeLoadBalancers");
            Assert.Single(d.Calls, c => c.Json?.ToJsonString().Contains("Root cause: network-blocked", StringComparison.Ordinal) == true);

            // A click can land on either replica; the acknowledgement is recorded once.
            var ack = final.CustomIds.Single(c => c.StartsWith("ack:", StringComparison.Ordinal));
            var onB = await d.SendAsync(b.Interactions, d.ButtonClick(ack));
            var onA = await d.SendAsync(a.Interactions, d.ButtonClick(ack, user: d.CreateUser("second", [d.ResponderRoleId])));
            Assert.Equal(7, onB.CallbackType);
            Assert.Equal(4, onA.CallbackType);
            Assert.Contains("already on it", onA.Json!.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
