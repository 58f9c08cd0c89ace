using System.Data;
using LlmLab.Analytics.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LlmLab.Analytics.Queries;

/// <summary>Runs aggregate SQL on the context's connection; the views aggregate in PostgreSQL rather than loading rows.</summary>
public sealed class AnalyticsSql(AnalyticsDbContext db)
{
    public async Task<List<T>> QueryAsync<T>(Func<NpgsqlCommand, string> build, Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = build(command);
        command.CommandTimeout = 120;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(map(reader));
        return rows;
    }
}

public static class ReaderExtensions
{
    public static double? NullableDouble(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToDouble(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    public static double[]? NullableDoubles(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<double[]>(ordinal);
}
