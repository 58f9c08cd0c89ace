using LlmLab.Analytics.Alerts;
using LlmLab.Analytics.Gates;
using LlmLab.Analytics.Runs;

namespace LlmLab.UnitTests.Analytics;

public class GateAlertTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 3, 0, 0, TimeSpan.Zero);

    private static FinishedRun Run() => new()
    {
        RunId = Guid.NewGuid(), TenantId = "t", ExperimentId = Guid.NewGuid(), Status = "completed", Completed = 9, Failed = 0, FinishedAt = Now, ReceivedAt = Now,
    };

    private static GateResult Result(FinishedRun run, params GateCheckResult[] checks) => new()
    {
        RunId = run.RunId, TenantId = run.TenantId, ExperimentId = run.ExperimentId, RunStatus = "completed", Passed = checks.All(c => c.Passed),
        Checks = [.. checks], ResponsesScored = 9, ResponsesExpected = 9, EvaluatedAt = Now,
    };

    [Fact]
    public void A_failed_gate_raises_one_gate_alert_naming_each_failed_check_with_its_reason()
    {
        var run = Run();
        var gate = Result(run,
            new GateCheckResult("overall_score", ">=", 0.9, 0.41, false, "0.41 is under 0.9"),
            new GateCheckResult("failure_rate", "<=", 0.1, 0, true, "0 is at most 0.1"));

        var alert = AlertRules.GateFailed(run, gate, Now);

        Assert.NotNull(alert);
        Assert.Equal(AlertKinds.Gate, alert.Kind);
        Assert.Equal($"gate:{run.RunId}", alert.DedupeKey);
        Assert.Equal(run.RunId, alert.RunId);
        Assert.Equal(run.ExperimentId, alert.ExperimentId);
        Assert.Equal(1, alert.Value);
        Assert.Equal(2, alert.Threshold);
        Assert.Contains("1 of 2 checks", alert.Message, StringComparison.Ordinal);
        Assert.Contains("overall_score >= 0.9: 0.41 is under 0.9", alert.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("failure_rate", alert.Message, StringComparison.Ordinal);
        Assert.Contains("alert.gate", LlmLab.Analytics.Webhooks.WebhookRequest.KnownEvents);
    }

    [Fact]
    public void A_passed_gate_or_no_gate_raises_nothing()
    {
        var run = Run();
        Assert.Null(AlertRules.GateFailed(run, null, Now));
        Assert.Null(AlertRules.GateFailed(run, Result(run, new GateCheckResult("f1", ">=", 0.5, 0.7, true, "0.7 is at least 0.5")), Now));
    }
}
