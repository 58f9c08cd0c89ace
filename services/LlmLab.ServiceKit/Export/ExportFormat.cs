using Microsoft.AspNetCore.Http;

namespace LlmLab.ServiceKit.Export;

/// <summary>The file formats a table can be exported in, with their media types.</summary>
public static class ExportFormat
{
    public static readonly IReadOnlyList<string> All = ["csv", "json", "xlsx", "parquet"];

    public static bool IsKnown(string? format) => format is not null && All.Contains(format);

    public static string ContentType(string format) => format switch
    {
        "csv" => "text/csv; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "parquet" => "application/vnd.apache.parquet",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown export format"),
    };

    /// <summary>Sets the headers of a file download; call before the first byte of the body.</summary>
    public static void Prepare(HttpResponse response, string format, string fileName)
    {
        response.ContentType = ContentType(format);
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}.{format}\"";
    }
}
