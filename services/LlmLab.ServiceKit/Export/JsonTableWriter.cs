using System.Text.Json;

namespace LlmLab.ServiceKit.Export;

/// <summary>A JSON array of row objects keyed by column name.</summary>
public sealed class JsonTableWriter(Stream output, IReadOnlyList<ExportColumn> columns) : TableWriter
{
    private readonly Utf8JsonWriter _json = new(output);
    private long _rows;

    public override async ValueTask WriteRowAsync(object?[] row, CancellationToken ct)
    {
        if (_rows++ == 0) _json.WriteStartArray();
        _json.WriteStartObject();
        for (var i = 0; i < columns.Count; i++)
        {
            var name = columns[i].Name;
            switch (row[i])
            {
                case null: _json.WriteNull(name); break;
                case string s: _json.WriteString(name, s); break;
                case double d when double.IsFinite(d): _json.WriteNumber(name, d); break;
                case double: _json.WriteNull(name); break;
                case int n: _json.WriteNumber(name, n); break;
                case long n: _json.WriteNumber(name, n); break;
                case DateTimeOffset t: _json.WriteString(name, t); break;
                case Guid g: _json.WriteString(name, g); break;
                case var other: _json.WriteString(name, other.ToString()); break;
            }
        }
        _json.WriteEndObject();
        if (_json.BytesPending > 64 * 1024) await _json.FlushAsync(ct);
    }

    public override async ValueTask CompleteAsync(CancellationToken ct)
    {
        if (_rows == 0) _json.WriteStartArray();
        _json.WriteEndArray();
        await _json.FlushAsync(ct);
    }

    public override ValueTask DisposeAsync() => _json.DisposeAsync();
}
