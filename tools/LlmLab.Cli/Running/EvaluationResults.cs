using System.Text.Json;

namespace LlmLab.Cli.Running;

/// <summary>The results table of an evaluation: one row per method, from its summary.</summary>
public static class EvaluationResults
{
    public static readonly IReadOnlyList<string> Columns =
        ["method", "items", "completed", "failed", "exact_match", "f1", "latency_p95_ms", "tokens", "cost_usd"];

    public static ResultTable Of(IEnumerable<JsonElement> summaries) => new(Columns, summaries.Select(s => (IReadOnlyList<string>)
    [
        EvaluationGate.Label(s), Figure(s, "n"), Figure(s, "completed"), Figure(s, "failed"),
        Figure(EvaluationGate.Measure(s, "exact_match")), Figure(EvaluationGate.Measure(s, "f1")), Figure(EvaluationGate.Measure(s, "latency_p95_ms")),
        s.TryGetProperty("tokens", out var t) && t.ValueKind == JsonValueKind.Object ? Figure(t, "total") : "",
        Figure(s, "cost_usd"),
    ]).ToList());

    private static string Figure(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? Figure(v.GetDouble()) : "";

    private static string Figure(double? value) => value is { } v ? ExperimentResults.F(Math.Round(v, 4)) : "";
}
