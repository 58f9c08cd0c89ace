using System.Globalization;
using System.Text;

namespace LlmLab.ServiceKit.Export;

/// <summary>RFC 4180 CSV with a header line; UTF-8, CRLF line ends, invariant numbers and ISO 8601 timestamps.</summary>
public sealed class CsvTableWriter : TableWriter
{
    private const int FlushBytes = 64 * 1024;
    private readonly StreamWriter _writer;
    private readonly IReadOnlyList<ExportColumn> _columns;
    private readonly StringBuilder _line = new();

    private CsvTableWriter(Stream output, IReadOnlyList<ExportColumn> columns)
    {
        _writer = new StreamWriter(output, new UTF8Encoding(false), FlushBytes, leaveOpen: true) { AutoFlush = false };
        _columns = columns;
    }

    public static async Task<CsvTableWriter> CreateAsync(Stream output, IReadOnlyList<ExportColumn> columns, CancellationToken ct)
    {
        var writer = new CsvTableWriter(output, columns);
        await writer._writer.WriteAsync(Csv.Line(columns.Select(c => c.Name)).AsMemory(), ct);
        return writer;
    }

    public override async ValueTask WriteRowAsync(object?[] row, CancellationToken ct)
    {
        _line.Clear();
        for (var i = 0; i < _columns.Count; i++)
        {
            if (i > 0) _line.Append(',');
            _line.Append(Format(_columns[i].Kind, row[i]));
        }
        _line.Append("\r\n");
        // StreamWriter buffers; awaiting its WriteAsync only reaches the stream when the buffer fills.
        await _writer.WriteAsync(_line, ct);
    }

    public override async ValueTask CompleteAsync(CancellationToken ct)
    {
        await _writer.FlushAsync(ct);
    }

    private static string Format(ColumnKind kind, object? value) => value switch
    {
        null => "",
        string s => Csv.Field(s, text: kind == ColumnKind.UserText),
        double d => Csv.Field(d),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Csv.Field(value.ToString()),
    };

    public override ValueTask DisposeAsync() => _writer.DisposeAsync();
}
