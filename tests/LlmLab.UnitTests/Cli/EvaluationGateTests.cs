using System.Text.Json;
using LlmLab.Cli.Running;

namespace LlmLab.UnitTests.Cli;

/// <summary>An evaluation's gate as the platform reports it, and the per-method results table.</summary>
public sealed class EvaluationGateTests
{
    private static readonly IReadOnlyList<JsonElement> Summaries = JsonDocument.Parse("""
        [
          {"label": "naive", "method": "naive", "n": 10, "completed": 10, "failed": 0,
           "accuracy": {"exact_match": 0.6, "f1": 0.7, "substring": 0.6, "numeric": null}, "latency_ms": {"p50": 10, "p95": 40, "p99": 50}, "cost_usd": 0},
          {"label": "cot", "method": "cot", "n": 10, "completed": 8, "failed": 2,
           "accuracy": {"exact_match": 0.4, "f1": 0.5, "substring": 0.4, "numeric": null}, "latency_ms": {"p50": 30, "p95": 90, "p99": 95}, "cost_usd": 0}
        ]
        """).RootElement.EnumerateArray().ToList();

    [Fact]
    public void The_platform_s_evaluation_gate_names_each_check_by_its_method()
    {
        var gate = JsonDocument.Parse("""
            {"passed": false, "checks": [
              {"metric": "exact_match", "op": ">=", "value": 0.5, "actual": 0.4, "passed": false, "reason": "method cot: exact_match is 0.4, below the minimum 0.5.", "method": "cot"},
              {"metric": "overall_score", "op": ">=", "value": 60, "actual": 70, "passed": true, "reason": "ok", "method": null}
            ]}
            """).RootElement;

        var outcome = PlatformGate.Of(gate);

        Assert.False(outcome.Passed);
        Assert.Equal(["cot: exact_match >= 0.5", "overall_score >= 60"], outcome.Checks.Select(c => c.Name));
        Assert.Equal(0.4, outcome.Checks[0].Actual);
    }

    [Fact]
    public void The_results_table_has_one_row_per_method()
    {
        var table = EvaluationResults.Of(Summaries);
        Assert.Equal(["naive", "10", "10", "0", "0.6", "0.7", "40", "", "0"], table.Rows[0]);
        Assert.Equal("cot", table.Rows[1][0]);
    }
}
