using System.Globalization;
using LlmLab.Cli.Running;
using Spectre.Console;

namespace LlmLab.Cli.Output;

/// <summary>The default output: the results and gate as Spectre.Console tables.</summary>
public static class ConsoleReport
{
    public static void Write(IAnsiConsole console, RunReport r)
    {
        console.MarkupLineInterpolated($"[bold]{r.Kind}[/] {r.Name}: run {r.RunId} ended [bold]{r.Status}[/] in {r.Duration.TotalSeconds:0.#} s");
        console.Write(Table(r.Results.Columns, r.Results.Rows));
        if (r.Gate is { } gate)
        {
            var table = new Table().Title(gate.Passed ? "gate passed" : "gate FAILED").AddColumns("check", "actual", "result", "reason");
            foreach (var c in gate.Checks)
                table.AddRow(Markup.Escape(c.Name), c.Actual?.ToString("0.####", CultureInfo.InvariantCulture) ?? "",
                    c.Passed ? "[green]pass[/]" : "[red]FAIL[/]", Markup.Escape(c.Reason));
            console.Write(table);
        }
        console.MarkupLine(r.ExitCode switch
        {
            ExitCodes.Passed => "[green]passed[/]",
            ExitCodes.GateFailed => "[red]gate failed:[/] " + Markup.Escape(string.Join("; ", r.Gate!.Checks.Where(c => !c.Passed).Select(c => c.Name))),
            _ => $"[red]run ended {Markup.Escape(r.Status)}[/]",
        });
    }

    public static Table Table(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table().AddColumns(columns.Select(Markup.Escape).ToArray());
        foreach (var row in rows) table.AddRow(row.Select(Markup.Escape).ToArray());
        return table;
    }
}
