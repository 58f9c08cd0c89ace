using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace LlmLab.ServiceKit.Export;

/// <summary>
/// A minimal SpreadsheetML workbook streamed into a zip: inline strings, numbers as numbers, timestamps as ISO text,
/// a frozen header row. Rows past Excel's 1,048,576-row limit continue on further sheets.
/// </summary>
public sealed class XlsxTableWriter : TableWriter
{
    public const int MaxRowsPerSheet = 1_048_575; // plus the header row
    private readonly AsyncOnlyStream _output;
    private readonly ZipArchive _zip;
    private readonly IReadOnlyList<ExportColumn> _columns;
    private readonly StringBuilder _xml = new();
    private Stream? _sheet;
    private int _sheets;
    private int _rowsInSheet;

    private XlsxTableWriter(AsyncOnlyStream output, ZipArchive zip, IReadOnlyList<ExportColumn> columns)
    {
        _output = output;
        _zip = zip;
        _columns = columns;
    }

    public static async Task<XlsxTableWriter> CreateAsync(Stream output, IReadOnlyList<ExportColumn> columns, CancellationToken ct)
    {
        var adapter = new AsyncOnlyStream(output);
        var zip = await ZipArchive.CreateAsync(adapter, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct);
        var writer = new XlsxTableWriter(adapter, zip, columns);
        await writer.StartSheetAsync(ct);
        return writer;
    }

    public override async ValueTask WriteRowAsync(object?[] row, CancellationToken ct)
    {
        if (_rowsInSheet == MaxRowsPerSheet)
        {
            await EndSheetAsync(ct);
            await StartSheetAsync(ct);
        }
        _rowsInSheet++;
        AppendRow(row.Select((v, i) => (v, _columns[i].Kind)));
        if (_xml.Length > 32 * 1024) await FlushXmlAsync(ct);
    }

    public override async ValueTask CompleteAsync(CancellationToken ct)
    {
        await EndSheetAsync(ct);
        await WriteEntryAsync("[Content_Types].xml", ContentTypes(), ct);
        await WriteEntryAsync("_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""", ct);
        await WriteEntryAsync("xl/workbook.xml", Workbook(), ct);
        await WriteEntryAsync("xl/_rels/workbook.xml.rels", WorkbookRelationships(), ct);
        await _zip.DisposeAsync();
        await _output.FlushAsync(ct);
    }

    private async Task StartSheetAsync(CancellationToken ct)
    {
        _sheets++;
        _rowsInSheet = 0;
        _sheet = await _zip.CreateEntry($"xl/worksheets/sheet{_sheets}.xml", CompressionLevel.Fastest).OpenAsync(ct);
        _xml.Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""")
            .Append("""<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>""");
        AppendRow(_columns.Select(c => ((object?)c.Name, ColumnKind.Text)));
    }

    private async Task EndSheetAsync(CancellationToken ct)
    {
        _xml.Append("</sheetData></worksheet>");
        await FlushXmlAsync(ct);
        await _sheet!.DisposeAsync();
        await _output.DrainAsync(ct);
    }

    private void AppendRow(IEnumerable<(object? Value, ColumnKind Kind)> cells)
    {
        _xml.Append("<row>");
        foreach (var (value, _) in cells)
        {
            switch (value)
            {
                case null: _xml.Append("<c/>"); break;
                case double d when double.IsFinite(d): _xml.Append("<c><v>").Append(d.ToString("R", CultureInfo.InvariantCulture)).Append("</v></c>"); break;
                case int or long: _xml.Append("<c><v>").Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)).Append("</v></c>"); break;
                case DateTimeOffset t: InlineString(t.ToString("O", CultureInfo.InvariantCulture)); break;
                case double: _xml.Append("<c/>"); break;
                default: InlineString(value.ToString() ?? ""); break;
            }
        }
        _xml.Append("</row>");
    }

    // Inline strings are stored as text, so a leading '=' is never run as a formula.
    private void InlineString(string text) =>
        _xml.Append("""<c t="inlineStr"><is><t xml:space="preserve">""").Append(SecurityElement.Escape(XmlSafe(text))).Append("</t></is></c>");

    /// <summary>XML 1.0 forbids most control characters, even escaped; a response may contain them.</summary>
    private static string XmlSafe(string text) =>
        text.Any(ch => ch < 0x20 && ch is not ('\t' or '\n' or '\r')) ? new string(text.Select(ch => ch < 0x20 && ch is not ('\t' or '\n' or '\r') ? '\uFFFD' : ch).ToArray()) : text;

    private async Task FlushXmlAsync(CancellationToken ct)
    {
        await _sheet!.WriteAsync(Encoding.UTF8.GetBytes(_xml.ToString()), ct);
        _xml.Clear();
        await _output.DrainAsync(ct);
    }

    private async Task WriteEntryAsync(string name, string content, CancellationToken ct)
    {
        await using (var entry = await _zip.CreateEntry(name, CompressionLevel.Fastest).OpenAsync(ct))
            await entry.WriteAsync(Encoding.UTF8.GetBytes(content), ct);
        await _output.DrainAsync(ct);
    }

    private string ContentTypes() =>
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"""
        + string.Concat(Enumerable.Range(1, _sheets).Select(i => $"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""))
        + "</Types>";

    private string Workbook() =>
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"""
        + string.Concat(Enumerable.Range(1, _sheets).Select(i => $"""<sheet name="{(i == 1 ? "Data" : $"Data {i}")}" sheetId="{i}" r:id="rId{i}"/>"""))
        + "</sheets></workbook>";

    private string WorkbookRelationships() =>
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
        + string.Concat(Enumerable.Range(1, _sheets).Select(i => $"""<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"""))
        + "</Relationships>";

    public override async ValueTask DisposeAsync()
    {
        await _zip.DisposeAsync();
        await _output.DisposeAsync();
    }
}
