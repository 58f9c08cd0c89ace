using Parquet;
using Parquet.Schema;

namespace LlmLab.ServiceKit.Export;

/// <summary>
/// Apache Parquet with one typed, nullable column per export column (string, double, int64, UTC timestamp), written
/// one row group of <see cref="RowGroupSize"/> rows at a time: memory holds one row group, never the whole export.
/// </summary>
public sealed class ParquetTableWriter(Stream output, IReadOnlyList<ExportColumn> columns) : TableWriter
{
    public const int RowGroupSize = 10_000;
    private readonly AsyncOnlyStream _output = new(output);
    private readonly ParquetSchema _schema = new(columns.Select(Field).ToArray());
    private readonly List<object?[]> _rows = new(RowGroupSize);
    private ParquetWriter? _writer;

    public override async ValueTask WriteRowAsync(object?[] row, CancellationToken ct)
    {
        _rows.Add((object?[])row.Clone()); // callers may reuse the row array
        if (_rows.Count == RowGroupSize) await WriteRowGroupAsync(ct);
    }

    public override async ValueTask CompleteAsync(CancellationToken ct)
    {
        if (_rows.Count > 0 || _writer is null) await WriteRowGroupAsync(ct);
        await _writer!.DisposeAsync();
        _writer = null;
        await _output.FlushAsync(ct);
    }

    private async Task WriteRowGroupAsync(CancellationToken ct)
    {
        _writer ??= await ParquetWriter.CreateAsync(_schema, _output, cancellationToken: ct);
        using (var group = _writer.CreateRowGroup())
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var field = _schema.DataFields[i];
                var index = i;
                switch (columns[i].Kind)
                {
                    case ColumnKind.Number:
                        await group.WriteAsync<double>(field, _rows.Select(r => r[index] is double d ? d : (double?)null).ToArray(), cancellationToken: ct);
                        break;
                    case ColumnKind.WholeNumber:
                        await group.WriteAsync<long>(field, _rows.Select(r => r[index] is { } v ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : (long?)null).ToArray(), cancellationToken: ct);
                        break;
                    case ColumnKind.Timestamp:
                        await group.WriteAsync<DateTime>(field, _rows.Select(r => r[index] is DateTimeOffset t ? t.UtcDateTime : (DateTime?)null).ToArray(), cancellationToken: ct);
                        break;
                    default:
                        await group.WriteAsync(field, _rows.Select(r => r[index]?.ToString()).ToArray()!);
                        break;
                }
            }
        }
        _rows.Clear();
        await _output.DrainAsync(ct);
    }

    private static DataField Field(ExportColumn column) => column.Kind switch
    {
        ColumnKind.Number => new DataField<double?>(column.Name),
        ColumnKind.WholeNumber => new DataField<long?>(column.Name),
        ColumnKind.Timestamp => new DataField<DateTime?>(column.Name),
        _ => new DataField<string>(column.Name),
    };

    public override async ValueTask DisposeAsync()
    {
        if (_writer is not null) await _writer.DisposeAsync();
        await _output.DisposeAsync();
    }
}
