using LlmLab.Cli.Running;

namespace LlmLab.Cli.Output;

/// <summary>The <c>--output</c> formats of <c>llmlab run</c>: table (for people), json, junit (for CI test reports), markdown (for PR comments).</summary>
public static class ReportFormats
{
    public static readonly string[] Names = ["table", "json", "junit", "markdown"];

    /// <summary>The report as text in a file format; the table format is drawn by <see cref="ConsoleReport"/> instead.</summary>
    public static string Render(string format, RunReport report) => format switch
    {
        "json" => JsonReport.Render(report),
        "junit" => JUnitReport.Render(report),
        "markdown" => MarkdownReport.Render(report),
        "table" => MarkdownReport.Render(report),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown output format"),
    };
}
