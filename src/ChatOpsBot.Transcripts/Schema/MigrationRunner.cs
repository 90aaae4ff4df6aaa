using System.Data.Common;

namespace ChatOpsBot.Transcripts.Schema;

/// <summary>Applies the steps newer than the recorded version, all in one transaction that holds the dialect's
/// cross-process lock, so two processes migrating at once apply each step exactly once.</summary>
internal static class MigrationRunner
{
    public static async Task<int> ApplyAsync(ISqlDialect dialect, CancellationToken cancellationToken)
    {
        var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await dialect.BeginMigrationAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await Sql.ExecuteAsync(connection, transaction, dialect.SchemaVersionTableSql, [], cancellationToken).ConfigureAwait(false);
                var current = await Sql.ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version", [], cancellationToken).ConfigureAwait(false);
                var version = Convert.ToInt32(current, System.Globalization.CultureInfo.InvariantCulture);
                var applied = 0;
                foreach (var step in dialect.Migrations.Where(m => m.Version > version).OrderBy(m => m.Version))
                {
                    await Sql.ExecuteAsync(connection, transaction, step.Sql, [], cancellationToken).ConfigureAwait(false);
                    await Sql.ExecuteAsync(
                        connection,
                        transaction,
                        "INSERT INTO schema_version (version, description) VALUES (@version, @description)",
                        [("@version", step.Version), ("@description", step.Description)],
                        cancellationToken).ConfigureAwait(false);
                    applied++;
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return applied;
            }
        }
    }
}
