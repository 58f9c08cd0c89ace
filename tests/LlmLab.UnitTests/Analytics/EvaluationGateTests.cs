using System.Text.Json;
using LlmLab.Analytics.Alerts;
using LlmLab.Analytics.EvaluationGates;
using LlmLab.Analytics.Runs;
using LlmLab.ServiceKit;

namespace LlmLab.UnitTests.Analytics;

public class EvaluationGateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 7, 0, 0, TimeSpan.Zero);

    private static FinishedEvaluation Finished() => new()
    {
        EvaluationId = Guid.NewGuid(), TenantId = "t", DatasetId = Guid.NewGuid(), Status = "completed", Completed = 20, Failed = 0, FinishedAt = Now, ReceivedAt = Now,
    };

    private static MethodResults Method(string label, string method, double exact, double p95 = 120, double cost = 0, int n = 10, int failed = 0,
        double? agentSuccess = null) =>
        new(label, method, n, failed, new AccuracyFigures(exact, exact, exact, null), new LatencyFigures(50, p95, p95 + 10), cost,
            agentSuccess is { } s ? new AgentFigures(s) : null, null, null);

    private static EvaluationResults Results(IEnumerable<MethodResults> methods, IEnumerable<EvaluationItemResult>? items = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "completed", Now, [.. methods], [.. items ?? []]);

    private static EvaluationGateDefinition Gate(params EvaluationGateThreshold[] checks) => new() { TenantId = "t", EvaluationId = Guid.NewGuid(), Checks = [.. checks] };

    [Fact]
    public void A_check_without_a_method_is_checked_on_every_method_and_each_result_names_its_method_value_and_reason()
    {
        var results = Results([Method("naive", "naive", 0.8), Method("cot", "cot", 0.4)]);

        var gate = EvaluationGateEvaluator.Evaluate(Gate(new EvaluationGateThreshold("exact_match", ">=", 0.5, null)), Finished(), results, [], Now);

        Assert.False(gate.Passed);
        Assert.Equal(["naive", "cot"], gate.Checks.Select(c => c.Method));
        Assert.Equal([true, false], gate.Checks.Select(c => c.Passed));
        Assert.Equal(0.4, gate.Checks[1].Actual);
        Assert.Equal("method cot: exact_match is 0.4, below the minimum 0.5.", gate.Checks[1].Reason);
        Assert.Equal("method naive: exact_match is 0.8, which meets >= 0.5.", gate.Checks[0].Reason);
        Assert.Equal("evaluation", LlmLab.Analytics.Gates.GateResultView.Of(gate).Kind);
    }

    [Fact]
    public void Latency_cost_failure_rate_and_agent_success_are_measured_per_method()
    {
        var agent = Method("agent-4", "agent", 0.5, p95: 900, cost: 0.25, n: 20, failed: 5, agentSuccess: 0.75);
        var results = Results([Method("naive", "naive", 0.9), agent]);
        var gate = Gate(
            new EvaluationGateThreshold("latency_p95_ms", "<=", 1000, "agent-4"),
            new EvaluationGateThreshold("cost_usd", "<=", 0.1, "agent-4"),
            new EvaluationGateThreshold("failure_rate", "<=", 0.2, "agent-4"),
            new EvaluationGateThreshold("agent_success_rate", ">=", 0.7, "agent-4"));

        var result = EvaluationGateEvaluator.Evaluate(gate, Finished(), results, [], Now);

        Assert.Equal([900, 0.25, 0.25, 0.75], result.Checks.Select(c => c.Actual!.Value));
        Assert.Equal([true, false, false, true], result.Checks.Select(c => c.Passed));
        Assert.All(result.Checks, c => Assert.Equal("agent-4", c.Method));
    }

    [Fact]
    public void A_method_or_figure_the_evaluation_lacks_fails_with_a_readable_reason()
    {
        var results = Results([Method("naive", "naive", 0.9)]);
        var gate = Gate(new EvaluationGateThreshold("exact_match", ">=", 0.5, "rag"), new EvaluationGateThreshold("agent_success_rate", ">=", 0.5, null));

        var result = EvaluationGateEvaluator.Evaluate(gate, Finished(), results, [], Now);

        Assert.False(result.Passed);
        Assert.Null(result.Checks[0].Actual);
        Assert.Equal("the evaluation has no method rag (its methods: naive).", result.Checks[0].Reason);
        Assert.Equal("method naive (naive) has no agent_success_rate to measure.", result.Checks[1].Reason);
    }

    [Fact]
    public void Regression_pairs_items_by_id_and_method_and_fails_only_on_a_significant_drop()
    {
        var keys = Enumerable.Range(0, 30).Select(i => $"q{i:00}").ToList();
        // Baseline right on every item; now wrong on 12 of them (McNemar: 12 against 0, p ≈ 0.0005).
        var baseline = Results([Method("naive", "naive", 1)], keys.Select(k => new EvaluationItemResult(k, "naive", true, true)));
        var worse = Results([Method("naive", "naive", 0.6)], keys.Select((k, i) => new EvaluationItemResult(k, "naive", true, i >= 12)));
        var same = Results([Method("naive", "naive", 0.97)], keys.Select((k, i) => new EvaluationItemResult(k, "naive", true, i != 3)));
        var baselineId = Guid.NewGuid();

        var dropped = Assert.Single(EvaluationRegression.Compare(baselineId, baseline, worse));
        var steady = Assert.Single(EvaluationRegression.Compare(baselineId, baseline, same));

        Assert.False(dropped.Passed);
        Assert.Equal(30, dropped.N);
        Assert.Equal(-0.4, dropped.Actual);
        Assert.True(dropped.PValue < 0.001);
        Assert.Equal(baselineId, dropped.BaselineRunId);
        Assert.Contains("a significant regression", dropped.Reason);
        Assert.True(steady.Passed, steady.Reason);
        Assert.Equal(1, steady.PValue);
    }

    [Fact]
    public void Regression_against_a_baseline_without_the_method_fails_and_raises_no_alert()
    {
        var baseline = Results([Method("cot", "cot", 1)], [new EvaluationItemResult("q1", "cot", true, true)]);
        var current = Results([Method("naive", "naive", 1)], [new EvaluationItemResult("q1", "naive", true, true)]);

        var check = Assert.Single(EvaluationRegression.Compare(Guid.NewGuid(), baseline, current));

        Assert.False(check.Passed);
        Assert.Equal(0, check.N);
        Assert.Contains("it has no method of that label", check.Reason);
        var run = new FinishedRun { RunId = Guid.NewGuid(), TenantId = "t", Status = "completed", Completed = 1 };
        Assert.Null(AlertRules.Regression(run, check, Now, "evaluation"));
    }

    [Fact]
    public void A_failed_evaluation_gate_raises_a_gate_alert_naming_the_evaluation_and_the_failed_checks()
    {
        var finished = Finished();
        var gate = EvaluationGateEvaluator.Evaluate(Gate(new EvaluationGateThreshold("exact_match", ">=", 0.9, "naive")), finished,
            Results([Method("naive", "naive", 0.5)]), [], Now);
        var run = new FinishedRun { RunId = finished.EvaluationId, TenantId = "t", Status = "completed", Completed = 20 };

        var alert = AlertRules.GateFailed(run, gate, Now, "Evaluation");

        Assert.NotNull(alert);
        Assert.Equal(AlertKinds.Gate, alert.Kind);
        Assert.StartsWith($"Evaluation {finished.EvaluationId} failed its quality gate (1 of 1 checks): exact_match >= 0.9: method naive:", alert.Message);
        Assert.Null(alert.ExperimentId);
    }

    [Theory]
    [InlineData("""[{"metric":"overall_score","op":">=","value":1}]""", "checks[0].metric")]
    [InlineData("""[{"metric":"exact_match","op":">","value":0.5}]""", "checks[0].op")]
    [InlineData("""[{"metric":"exact_match","op":">=","value":50}]""", "checks[0].value")]
    [InlineData("""[{"metric":"latency_p95_ms","op":"<=","value":-1}]""", "checks[0].value")]
    [InlineData("""[{"metric":"exact_match","op":">=","value":0.5,"method":" "}]""", "checks[0].method")]
    [InlineData("""{"checks":[]}""", "checks")]
    [InlineData("""{"no_significant_regression":true,"baseline_evaluation_id":"00000000-0000-0000-0000-000000000000"}""", "baseline_evaluation_id")]
    public void Bad_bodies_name_the_field(string body, string field)
    {
        var request = EvaluationGateRequest.Parse(JsonDocument.Parse(body).RootElement, ServiceKitExtensions.Json);

        Assert.Contains(field, request.Validate(Guid.NewGuid()).Keys);
    }

    [Fact]
    public void A_list_or_an_object_is_a_valid_body()
    {
        var id = Guid.NewGuid();
        var list = EvaluationGateRequest.Parse(JsonDocument.Parse("""[{"metric":"f1","op":">=","value":0.5,"method":"cot"}]""").RootElement, ServiceKitExtensions.Json);
        var regression = EvaluationGateRequest.Parse(JsonDocument.Parse("""{"no_significant_regression":true}""").RootElement, ServiceKitExtensions.Json);

        Assert.Empty(list.Validate(id));
        Assert.Empty(regression.Validate(id));
        Assert.Equal(new EvaluationGateThreshold("f1", ">=", 0.5, "cot"), Assert.Single(list.Thresholds()));
        Assert.Contains("baseline_evaluation_id",
            EvaluationGateRequest.Parse(JsonDocument.Parse($$"""{"no_significant_regression":true,"baseline_evaluation_id":"{{id}}"}""").RootElement,
                ServiceKitExtensions.Json).Validate(id).Keys);
    }
}
