using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LlmLab.Cli.Output;

namespace LlmLab.Cli.Commands;

/// <summary><c>llmlab compare &lt;run-a&gt; &lt;run-b&gt;</c>: the paired comparison of two runs (GET /api/analytics/methods/comparison).</summary>
public static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var runA = new Argument<Guid>("run-a") { Description = "The first (baseline) run id." };
        var runB = new Argument<Guid>("run-b") { Description = "The second run id." };
        var metric = new Option<string>("--metric") { Description = "The metric to compare (overall_score, exact_match, f1…).", DefaultValueFactory = _ => "overall_score" };
        var output = OutputOption.Create("table", "json");
        var command = new Command("compare", "Compare two runs item by item: means, the paired difference with its 95% CI, McNemar's p.")
        {
            runA, runB, metric, output,
        };
        command.SetAction((parsed, ct) => CliApp.GuardAsync(context, async () =>
        {
            using var client = context.Client();
            var path = $"api/analytics/methods/comparison?run_a={parsed.GetValue(runA)}&run_b={parsed.GetValue(runB)}&metric={Uri.EscapeDataString(parsed.GetValue(metric)!)}";
            var comparison = await client.GetAsync(path, ct);
            if (parsed.GetValue(output) == "json")
            {
                await context.Output.WriteLineAsync(comparison.GetRawText());
                return ExitCodes.Passed;
            }
            string[] fields = ["metric", "pairs", "mean_a", "mean_b", "mean_difference", "mean_difference_ci95", "accuracy_a", "accuracy_b",
                "mcnemar_p", "significant", "unpaired_a", "unpaired_b"];
            context.Out.Write(ConsoleReport.Table(["figure", "value"], fields.Select(f => (IReadOnlyList<string>)[f, Show(comparison, f)])));
            return ExitCodes.Passed;
        }));
        return command;
    }

    private static string Show(JsonElement e, string name) => !e.TryGetProperty(name, out var v) ? "" : v.ValueKind switch
    {
        JsonValueKind.Number => v.GetDouble().ToString("0.####", CultureInfo.InvariantCulture),
        JsonValueKind.Array => "[" + string.Join(", ", v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Number
            ? x.GetDouble().ToString("0.####", CultureInfo.InvariantCulture) : x.ToString())) + "]",
        JsonValueKind.Null => "",
        _ => v.ToString(),
    };
}
