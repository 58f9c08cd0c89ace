using System.Globalization;
using System.Text;
using LlmLab.Cli.Running;

namespace LlmLab.Cli.Output;

/// <summary><c>--output markdown</c>: a summary line, the results table and the gate checks, ready for a pull-request comment.</summary>
public static class MarkdownReport
{
    public static string Render(RunReport r)
    {
        var text = new StringBuilder();
        var verdict = r.ExitCode switch { ExitCodes.Passed => "passed", ExitCodes.GateFailed => "gate failed", _ => "run failed" };
        text.AppendLine(CultureInfo.InvariantCulture, $"## llmlab {r.Kind}: {Cell(r.Name)} — {verdict}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run `{r.RunId}` ended **{r.Status}** in {r.Duration.TotalSeconds:0.#} s ({Cell(r.File)}).");
        text.AppendLine();
        Table(text, r.Results.Columns, r.Results.Rows);
        if (r.Gate is { } gate)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"### Gate: {(gate.Passed ? "passed" : "failed")}");
            text.AppendLine();
            Table(text, ["check", "actual", "result", "reason"], gate.Checks.Select(c => (IReadOnlyList<string>)
                [c.Name, c.Actual?.ToString("0.####", CultureInfo.InvariantCulture) ?? "", c.Passed ? "✅ pass" : "❌ fail", c.Reason]).ToList());
        }
        return text.ToString();
    }

    public static void Table(StringBuilder text, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        text.AppendLine("| " + string.Join(" | ", columns.Select(Cell)) + " |");
        text.AppendLine("|" + string.Concat(columns.Select(_ => "---|")));
        foreach (var row in rows) text.AppendLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
    }

    /// <summary>A pipe or a line break would break the table.</summary>
    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
