using System.Text.Json;
using LlmLab.Analytics.Analysis;
using LlmLab.Analytics.Gates;
using LlmLab.Analytics.Runs;
using LlmLab.Contracts.Messages;
using LlmLab.ServiceKit;

namespace LlmLab.UnitTests.Analytics;

public class GateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static FinishedRun Run(int completed = 10, int failed = 0) => new()
    {
        RunId = Guid.NewGuid(), TenantId = "t", ExperimentId = Guid.NewGuid(), Status = "completed", Completed = completed, Failed = failed,
        FinishedAt = Now, ReceivedAt = Now,
    };

    private static GateDefinition Gate(params GateThreshold[] checks) => new() { TenantId = "t", ExperimentId = Guid.NewGuid(), Checks = [.. checks] };

    [Fact]
    public void A_gate_passes_only_when_every_threshold_is_met_and_each_check_says_why()
    {
        var gate = Gate(new GateThreshold("overall_score", ">=", 60), new GateThreshold("latency_p95_ms", "<=", 500), new GateThreshold("failure_rate", "<=", 0.1));
        var measured = new Dictionary<string, double?> { ["overall_score"] = 72.5, ["latency_p95_ms"] = 640, ["failure_rate"] = 0.0 };

        var result = GateEvaluator.Evaluate(gate, Run(), measured, null, 10, Now);

        Assert.False(result.Passed);
        Assert.Equal(new[] { true, false, true }, result.Checks.Select(c => c.Passed));
        Assert.Equal(640, result.Checks[1].Actual);
        Assert.Equal("latency_p95_ms is 640, above the maximum 500.", result.Checks[1].Reason);
        Assert.Equal("overall_score is 72.5, which meets >= 60.", result.Checks[0].Reason);
        Assert.True(GateEvaluator.Evaluate(Gate(new GateThreshold("overall_score", ">=", 60)), Run(), measured, null, 10, Now).Passed);
    }

    [Fact]
    public void A_metric_the_run_does_not_carry_fails_its_check_with_no_actual_value()
    {
        var check = GateEvaluator.Check(new("f1", ">=", 0.5), null);
        Assert.False(check.Passed);
        Assert.Null(check.Actual);
        Assert.Contains("no f1", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_boundary_value_meets_both_kinds_of_threshold()
    {
        Assert.True(GateEvaluator.Check(new("cost_usd", "<=", 0.25), 0.25).Passed);
        Assert.True(GateEvaluator.Check(new("overall_score", ">=", 50), 50).Passed);
        Assert.False(GateEvaluator.Check(new("overall_score", ">=", 50), 49.999).Passed);
    }

    private static RunItem Item(double temperature, int repetition, double value) =>
        new(ItemIdentity.ForGrid("Explain rain.", "m", temperature, 1, 100, 0, 0, repetition), $"{temperature}:{repetition}", value, "m", temperature, 1, 100, 0, 0);

    private static Pairing Pair(Func<int, double> baseline, Func<int, double> run)
    {
        var a = Enumerable.Range(0, 30).Select(i => Item(0.1 * (i % 10), i / 10, baseline(i))).ToList();
        var b = Enumerable.Range(0, 30).Select(i => Item(0.1 * (i % 10), i / 10, run(i))).ToList();
        return ItemPairing.Pair(a, b);
    }

    [Fact]
    public void A_consistent_drop_on_the_same_items_is_a_significant_regression()
    {
        var baseline = Guid.NewGuid();
        var check = RegressionCheck.Evaluate("overall_score", baseline, Guid.NewGuid(), Pair(i => 60 + i % 7, i => 55 + i % 7 + (i % 3 == 0 ? 1 : 0)));
        Assert.False(check.Passed);
        Assert.Equal(30, check.N);
        Assert.True(check.Ci95![1] < 0);
        Assert.True(check.Actual < -3);
        Assert.Equal(baseline, check.BaselineRunId);
        Assert.Contains("significant regression", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Noise_around_the_baseline_is_no_significant_regression()
    {
        var check = RegressionCheck.Evaluate("overall_score", Guid.NewGuid(), Guid.NewGuid(), Pair(i => 60 + i % 7, i => 60 + i % 7 + (i % 2 == 0 ? 1 : -1)));
        Assert.True(check.Passed);
        Assert.True(check.Ci95![0] < 0 && check.Ci95[1] > 0);
        Assert.Contains("no significant regression", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_sharing_no_item_fails_the_check_with_the_reason()
    {
        var a = new[] { Item(0.2, 0, 50) };
        var b = new[] { Item(0.9, 0, 50) };
        var check = RegressionCheck.Evaluate("overall_score", Guid.NewGuid(), Guid.NewGuid(), ItemPairing.Pair(a, b));
        Assert.False(check.Passed);
        Assert.Contains("temperature", check.Reason, StringComparison.Ordinal);
        Assert.True(RegressionCheck.NoBaseline("overall_score").Passed);
    }

    private static GateRequest Parse(string json) => GateRequest.Parse(JsonDocument.Parse(json).RootElement, ServiceKitExtensions.Json);

    [Fact]
    public void A_gate_is_written_as_a_list_of_checks_or_as_an_object_with_the_regression_options()
    {
        var list = Parse("""[{"metric":"overall_score","op":">=","value":60}]""");
        Assert.Empty(list.Validate());
        Assert.Equal(new GateThreshold("overall_score", ">=", 60), Assert.Single(list.Thresholds()));

        var full = Parse("""{"checks":[{"metric":"cost_usd","op":"<=","value":1}],"no_significant_regression":true,"baseline_run_id":"0b6f4c4e-8d0a-4c55-9a3e-0a4a3a0b9a11"}""");
        Assert.Empty(full.Validate());
        Assert.True(full.NoSignificantRegression);
        Assert.Equal(Guid.Parse("0b6f4c4e-8d0a-4c55-9a3e-0a4a3a0b9a11"), full.BaselineRunId);
    }

    [Theory]
    [InlineData("""[{"metric":"overall_score","op":">","value":60}]""", "checks[0].op")]
    [InlineData("""[{"metric":"Overall Score","op":">=","value":60}]""", "checks[0].metric")]
    [InlineData("""[{"metric":"overall_score","op":">="}]""", "checks[0].value")]
    [InlineData("""[{"metric":"failure_rate","op":"<=","value":5}]""", "checks[0].value")]
    [InlineData("""[{"metric":"latency_p95_ms","op":"<=","value":-1}]""", "checks[0].value")]
    [InlineData("""{"checks":[]}""", "checks")]
    [InlineData("""{"no_significant_regression":true,"regression_metric":"F1!"}""", "regression_metric")]
    public void A_bad_gate_is_refused_naming_the_field(string json, string field)
    {
        Assert.Contains(field, Parse(json).Validate().Keys);
    }
}
