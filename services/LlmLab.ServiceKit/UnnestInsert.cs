using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace LlmLab.ServiceKit;

/// <summary>
/// Inserts many rows in one statement: each column is sent as one array parameter and unnested on the server. Where EF
/// Core sends one INSERT per row (PostgreSQL parses, plans and executes each), this is one statement per table.
/// </summary>
public sealed class UnnestInsert(string table)
{
    private readonly List<(string Name, NpgsqlParameter Values)> _columns = [];

    public UnnestInsert Column<T>(string name, IEnumerable<T> values)
    {
        _columns.Add((name, new NpgsqlParameter($"c{_columns.Count}", values.ToArray())));
        return this;
    }

    /// <summary>A timestamptz column: Npgsql writes arrays of timestamptz from UTC DateTimes.</summary>
    public UnnestInsert Column(string name, IEnumerable<DateTimeOffset> values) => Column(name, values.Select(v => v.UtcDateTime));

    public UnnestInsert Column(string name, IEnumerable<DateTimeOffset?> values) => Column(name, values.Select(v => v?.UtcDateTime));

    /// <summary>A jsonb column from serialised JSON texts.</summary>
    public UnnestInsert Json(string name, IEnumerable<string> values)
    {
        _columns.Add((name, new NpgsqlParameter($"c{_columns.Count}", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = values.ToArray() }));
        return this;
    }

    public string Sql
    {
        get
        {
            var names = string.Join(", ", _columns.Select(c => $"\"{c.Name}\""));
            return $"INSERT INTO {table} ({names}) SELECT * FROM unnest({string.Join(", ", _columns.Select(c => "@" + c.Values.ParameterName))}) AS u({names})";
        }
    }

    /// <summary>Runs the insert on the context's connection, in its current transaction if it has one; answers the rows inserted.</summary>
    public async Task<int> ExecuteAsync(DbContext db, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(Sql, connection) { Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction() };
            foreach (var column in _columns) command.Parameters.Add(column.Values);
            return await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
