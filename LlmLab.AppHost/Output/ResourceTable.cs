using System.Text;

namespace LlmLab.AppHost.Output;

/// <summary>One row per resource: what the console table and .llmlab/apphost.json both show.</summary>
public sealed record ResourceRow(string Name, string Kind, string Url, int? Pid, string State, string? GrpcUrl = null);

public static class ResourceTable
{
    public static string Render(IReadOnlyList<ResourceRow> rows)
    {
        string[] headers = ["RESOURCE", "KIND", "URL", "PID", "STATE"];
        var cells = rows.Select(r => new[] { r.Name, r.Kind, r.Url, r.Pid?.ToString() ?? "-", r.State }).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        var text = new StringBuilder();
        void Line(string[] values) => text.AppendLine(string.Join("  ", values.Select((v, i) => v.PadRight(widths[i]))).TrimEnd());
        Line(headers);
        Line(widths.Select(w => new string('-', w)).ToArray());
        cells.ForEach(Line);
        return text.ToString();
    }
}
