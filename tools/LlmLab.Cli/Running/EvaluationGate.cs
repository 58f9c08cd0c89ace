using System.Text.Json;
using LlmLab.Cli.Config;

namespace LlmLab.Cli.Running;

/// <summary>
/// An evaluation's gate, checked here against its per-method summary (GET /api/evaluations/{id}): the platform
/// evaluates gates for experiment runs only. A check without a method applies to every method.
/// </summary>
public static class EvaluationGate
{
    public static GateOutcome Evaluate(GateConfig gate, IReadOnlyList<JsonElement> summaries)
    {
        var outcomes = new List<GateCheckOutcome>();
        foreach (var check in gate.Checks)
        {
            foreach (var summary in summaries.Where(s => check.Method is null || Label(s) == check.Method))
            {
                var name = FormattableString.Invariant($"{Label(summary)}: {check.Metric} {check.Op} {check.Value}");
                var actual = Measure(summary, check.Metric);
                if (actual is not { } value)
                {
                    outcomes.Add(new(name, check.Metric, check.Op, check.Value, null, false, $"{check.Metric} was not measured for method {Label(summary)}."));
                    continue;
                }
                var passed = check.Op == ">=" ? value >= check.Value : value <= check.Value;
                var reason = passed
                    ? FormattableString.Invariant($"{value:0.####} meets {check.Op} {check.Value}.")
                    : FormattableString.Invariant($"{value:0.####} is {(check.Op == ">=" ? "below the minimum" : "above the maximum")} {check.Value}.");
                outcomes.Add(new(name, check.Metric, check.Op, check.Value, value, passed, reason));
            }
        }
        return new GateOutcome(outcomes.All(o => o.Passed), outcomes);
    }

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
