using System.Globalization;
using System.Text.Json;

namespace LlmLab.Cli.Running;

/// <summary>The results table of an experiment run: one row per parameter combination, from the run's responses.</summary>
public static class ExperimentResults
{
    public static readonly IReadOnlyList<string> Columns =
        ["model", "temperature", "top_p", "max_tokens", "responses", "errors", "overall_score", "latency_ms", "tokens", "cost_usd"];

    public static ResultTable Of(IEnumerable<JsonElement> responses)
    {
        var rows = responses
            .GroupBy(r => (Model: Text(r, "model"), Temperature: Number(r, "temperature"), TopP: Number(r, "top_p"), MaxTokens: Number(r, "max_tokens")))
            .OrderBy(g => g.Key.Model, StringComparer.Ordinal).ThenBy(g => g.Key.Temperature).ThenBy(g => g.Key.TopP).ThenBy(g => g.Key.MaxTokens)
            .Select(g =>
            {
                var scores = g.Select(Score).OfType<double>().ToList();
                return (IReadOnlyList<string>)
                [
                    g.Key.Model, F(g.Key.Temperature), F(g.Key.TopP), F(g.Key.MaxTokens), I(g.Count()),
                    I(g.Count(r => Text(r, "error_message").Length > 0)),
                    scores.Count == 0 ? "" : F(Math.Round(scores.Average(), 1)),
                    F(Math.Round(g.Average(r => Number(r, "response_time_ms")))),
                    F(g.Sum(r => Number(r, "total_tokens"))),
                    F(Math.Round(g.Sum(r => Number(r, "cost_usd")), 6)),
                ];
            })
            .ToList();
        return new ResultTable(Columns, rows);
    }

    private static double? Score(JsonElement response) =>
        response.TryGetProperty("metrics", out var m) && m.ValueKind == JsonValueKind.Object && m.TryGetProperty("overall_score", out var s)
        && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : null;

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    private static double Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;

    internal static string F(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    internal static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
