using System.Text.Json;
using LlmLab.Cli.Config;
using LlmLab.Cli.Running;

namespace LlmLab.UnitTests.Cli;

/// <summary>An evaluation's gate, checked per method against the summary of GET /api/evaluations/{id}.</summary>
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

    private static GateConfig Gate(params GateCheckConfig[] checks) => new(checks, false, null, null);

    [Fact]
    public void A_check_without_a_method_applies_to_every_method_and_fails_where_one_misses()
    {
        var outcome = EvaluationGate.Evaluate(Gate(new GateCheckConfig("exact_match", ">=", 0.5, null)), Summaries);
        Assert.False(outcome.Passed);
        Assert.Equal(["naive: exact_match >= 0.5", "cot: exact_match >= 0.5"], outcome.Checks.Select(c => c.Name));
        Assert.Equal([true, false], outcome.Checks.Select(c => c.Passed));
        Assert.Equal("0.4 is below the minimum 0.5.", outcome.Checks[1].Reason);
    }

    [Fact]
    public void Failure_rate_and_latency_come_from_the_counts_and_percentiles()
    {
        var outcome = EvaluationGate.Evaluate(Gate(new GateCheckConfig("failure_rate", "<=", 0.1, null), new GateCheckConfig("latency_p95_ms", "<=", 100, "cot")), Summaries);
        Assert.Equal([0, 0.2, 90], outcome.Checks.Select(c => c.Actual!.Value));
        Assert.Equal([true, false, true], outcome.Checks.Select(c => c.Passed));
        Assert.Equal("0.2 is above the maximum 0.1.", outcome.Checks[1].Reason);
    }

    [Fact]
    public void A_figure_the_summary_lacks_fails_the_check_with_the_reason()
    {
        var outcome = EvaluationGate.Evaluate(Gate(new GateCheckConfig("numeric", ">=", 0, "naive")), Summaries);
        var check = Assert.Single(outcome.Checks);
        Assert.False(check.Passed);
        Assert.Equal("numeric was not measured for method naive.", check.Reason);
    }

    [Fact]
    public void The_results_table_has_one_row_per_method()
    {
        var table = EvaluationResults.Of(Summaries);
        Assert.Equal(["naive", "10", "10", "0", "0.6", "0.7", "40", "", "0"], table.Rows[0]);
        Assert.Equal("cot", table.Rows[1][0]);
    }
}
