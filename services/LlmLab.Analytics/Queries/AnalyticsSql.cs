using System.Data;
using LlmLab.Analytics.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LlmLab.Analytics.Queries;

/// <summary>Runs aggregate SQL on the context's connection; the views aggregate in PostgreSQL rather than loading rows.</summary>
public sealed class AnalyticsSql(AnalyticsDbContext db)
{
    public Task<List<T>> QueryAsync<T>(Func<NpgsqlCommand, string> build, Func<NpgsqlDataReader, T> map, CancellationToken ct) =>
        // Under the context's retrying strategy: a pooled connection broken by a PostgreSQL restart is retried, not a 500.
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            if (connection.State != ConnectionState.Open) await db.Database.OpenConnectionAsync(token);
            await using var command = connection.CreateCommand();
            command.CommandText = build(command);
            command.CommandTimeout = 120;
            await using var reader = await command.ExecuteReaderAsync(token);
            var rows = new List<T>();
            while (await reader.ReadAsync(token)) rows.Add(map(reader));
            return rows;
        }, ct);
}

public static class ReaderExtensions
{
    public static double? NullableDouble(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToDouble(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A count or sum of whole numbers (bigint, or numeric when PostgreSQL sums bigints); 0 for NULL.</summary>
    public static long WholeNumber(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    public static double[]? NullableDoubles(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<double[]>(ordinal);
}
