using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using LlmLab.ServiceKit.Export;
using Parquet;

namespace LlmLab.UnitTests.Export;

/// <summary>Every export format, written to a stream that refuses synchronous writes as Kestrel's response body does.</summary>
public class TableWriterTests
{
    private static readonly IReadOnlyList<ExportColumn> Columns =
    [
        new("name", ColumnKind.Text), new("content", ColumnKind.UserText), new("score", ColumnKind.Number),
        new("tokens", ColumnKind.WholeNumber), new("at", ColumnKind.Timestamp),
    ];

    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static readonly object?[][] Rows =
    [
        ["a", "=SUM(A1)", 71.5, 12L, At],
        ["b, \"quoted\"", "line\nbreak \u0001 control", null, null, null],
    ];

    private static async Task<byte[]> WriteAsync(string format)
    {
        var target = new AsyncOnlyMemoryStream();
        var count = await TableWriter.WriteAllAsync(format, target, Columns, Rows.ToAsyncEnumerable(), CancellationToken.None);
        Assert.Equal(2, count);
        return target.ToArray();
    }

    [Fact]
    public async Task Csv_quotes_fields_defuses_formulas_and_leaves_nulls_empty()
    {
        var text = Encoding.UTF8.GetString(await WriteAsync("csv"));
        Assert.Equal("name,content,score,tokens,at\r\na,'=SUM(A1),71.5,12,2026-11-23T10:00:00.0000000+00:00\r\n\"b, \"\"quoted\"\"\",\"line\nbreak \u0001 control\",,,\r\n", text);
    }

    [Fact]
    public async Task Json_is_an_array_of_objects_with_typed_values()
    {
        var rows = JsonDocument.Parse(await WriteAsync("json")).RootElement.EnumerateArray().ToList();
        Assert.Equal(71.5, rows[0].GetProperty("score").GetDouble());
        Assert.Equal(12, rows[0].GetProperty("tokens").GetInt64());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("score").ValueKind);
        Assert.Equal("=SUM(A1)", rows[0].GetProperty("content").GetString());
    }

    [Fact]
    public async Task Xlsx_is_a_valid_workbook_with_numbers_as_numbers_and_text_as_inline_strings()
    {
        using var zip = new ZipArchive(new MemoryStream(await WriteAsync("xlsx")));
        Assert.Contains("sheet1.xml", XDocument.Load(zip.GetEntry("[Content_Types].xml")!.Open()).ToString());
        var rows = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).Descendants().Where(e => e.Name.LocalName == "row").ToList();
        Assert.Equal(3, rows.Count);
        var cells = rows[1].Elements().ToList();
        Assert.Equal("inlineStr", cells[1].Attribute("t")?.Value);
        Assert.Equal("=SUM(A1)", cells[1].Value); // stored as text, never as a formula
        Assert.Null(cells[2].Attribute("t"));
        Assert.Equal("71.5", cells[2].Value);
        Assert.Contains("\uFFFD", rows[2].Elements().ElementAt(1).Value); // a control character XML cannot hold
    }

    [Fact]
    public async Task Parquet_has_typed_nullable_columns()
    {
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(await WriteAsync("parquet")));
        using var group = reader.OpenRowGroupReader(0);
        Assert.Equal(2, group.RowCount);
        var scores = new double?[2];
        await group.ReadAsync<double>(reader.Schema.DataFields[2], scores.AsMemory(), null, CancellationToken.None);
        Assert.Equal([71.5, null], scores);
        var names = new string?[2];
        await group.ReadAsync(reader.Schema.DataFields[0], names.AsMemory(), null, CancellationToken.None);
        Assert.Equal(new string?[] { "a", "b, \"quoted\"" }, names.AsEnumerable());
    }

    /// <summary>Throws on synchronous writes and flushes, like Kestrel's response body.</summary>
    private sealed class AsyncOnlyMemoryStream : Stream
    {
        private readonly MemoryStream _bytes = new();
        public byte[] ToArray() => _bytes.ToArray();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous writes are not allowed.");
        public override void Flush() => throw new InvalidOperationException("Synchronous flushes are not allowed.");
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _bytes.WriteAsync(buffer, offset, count, cancellationToken);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _bytes.WriteAsync(buffer, cancellationToken);
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
