namespace LlmLab.ServiceKit.Export;

/// <summary>
/// Writes rows to a stream in one export format as they come, so memory stays flat however many rows there are
/// (Parquet holds one row group at a time).
/// </summary>
public abstract class TableWriter : IAsyncDisposable
{
    public abstract ValueTask DisposeAsync();

    public abstract ValueTask WriteRowAsync(object?[] row, CancellationToken ct);

    /// <summary>Writes what the format needs at the end (closing brackets, the zip directory, the Parquet footer).</summary>
    public abstract ValueTask CompleteAsync(CancellationToken ct);

    public static async Task<TableWriter> CreateAsync(string format, Stream output, IReadOnlyList<ExportColumn> columns, CancellationToken ct) => format switch
    {
        "csv" => await CsvTableWriter.CreateAsync(output, columns, ct),
        "json" => new JsonTableWriter(output, columns),
        "xlsx" => await XlsxTableWriter.CreateAsync(output, columns, ct),
        "parquet" => new ParquetTableWriter(output, columns),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown export format"),
    };

    /// <summary>Writes every row and completes; answers the row count.</summary>
    public static async Task<long> WriteAllAsync(string format, Stream output, IReadOnlyList<ExportColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var writer = await CreateAsync(format, output, columns, ct);
        long count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteRowAsync(row, ct);
            count++;
        }
        await writer.CompleteAsync(ct);
        return count;
    }
}
