namespace LlmLab.Bench.Platform.Operations;

/// <summary>Prints a Markdown table, ready to paste into docs/.</summary>
public static class MarkdownTable
{
    public static void Print(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"| {string.Join(" | ", headers)} |");
        Console.WriteLine($"|{string.Join("|", headers.Select(_ => "---"))}|");
        foreach (var row in rows) Console.WriteLine($"| {string.Join(" | ", row)} |");
        Console.WriteLine();
    }

    public static string Ms(double value) => double.IsNaN(value) ? "–" : value < 10 ? $"{value:0.0}" : $"{value:0}";
}
