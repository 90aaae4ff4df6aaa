using System.Data.Common;

namespace ChatOpsBot.Transcripts.Schema;

/// <summary>Parameterised commands on a plain ADO.NET connection (values only ever travel as parameters).</summary>
internal static class Sql
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string text, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string text, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        var command = Command(connection, transaction, text, parameters);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string text, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        var command = Command(connection, transaction, text, parameters);
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is DBNull ? null : value;
        }
    }
}
