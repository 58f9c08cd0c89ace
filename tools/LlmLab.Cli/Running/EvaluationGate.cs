using System.Text.Json;

namespace LlmLab.Cli.Running;

/// <summary>Reads an evaluation's per-method summary (GET /api/evaluations/{id}) by the gate's metric names, for the results table.</summary>
public static class EvaluationGate
{
    public static string Label(JsonElement summary) => summary.GetProperty("label").GetString() ?? "";

    /// <summary>A summary figure by the gate's metric name; null when the summary does not carry it.</summary>
    public static double? Measure(JsonElement summary, string metric) => metric switch
    {
        "exact_match" or "f1" or "substring" or "numeric" => Nested(summary, "accuracy", metric),
        "latency_p50_ms" => Nested(summary, "latency_ms", "p50"),
        "latency_p95_ms" => Nested(summary, "latency_ms", "p95"),
        "latency_p99_ms" => Nested(summary, "latency_ms", "p99"),
        "cost_usd" => Number(summary, "cost_usd"),
        "failure_rate" => Number(summary, "n") is > 0 and var n ? (Number(summary, "failed") ?? 0) / n : null,
        _ => null,
    };

    private static double? Nested(JsonElement e, string outer, string inner) =>
        e.TryGetProperty(outer, out var o) && o.ValueKind == JsonValueKind.Object ? Number(o, inner) : null;

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
