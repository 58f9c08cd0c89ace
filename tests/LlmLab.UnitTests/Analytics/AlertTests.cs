using System.Security.Cryptography;
using System.Text;
using LlmLab.Analytics.Alerts;
using LlmLab.Analytics.Gates;
using LlmLab.Analytics.Runs;
using LlmLab.Analytics.Webhooks;
using LlmLab.ServiceKit.Secrets;
using Microsoft.Extensions.Configuration;

namespace LlmLab.UnitTests.Analytics;

public class AlertTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static FinishedRun Run(int completed, int failed) => new()
    {
        RunId = Guid.NewGuid(), TenantId = "t", ExperimentId = Guid.NewGuid(), Status = "completed", Completed = completed, Failed = failed,
        FinishedAt = Now, ReceivedAt = Now,
    };

    [Fact]
    public void A_p95_over_the_latency_objective_raises_one_latency_alert_and_one_at_or_under_it_or_without_responses_none()
    {
        var options = new AlertOptions { LatencyP95Ms = 2_000 };
        var run = Run(9, 0);

        var slow = AlertRules.LatencyObjectiveMissed(run, 2_500.4, options, Now);

        Assert.NotNull(slow);
        Assert.Equal(AlertKinds.Latency, slow.Kind);
        Assert.Equal(2_500.4, slow.Value);
        Assert.Equal(2_000, slow.Threshold);
        Assert.Equal($"latency:{run.RunId}", slow.DedupeKey);
        Assert.Contains("p95 2500 ms over the objective of 2000 ms", slow.Message, StringComparison.Ordinal);
        Assert.Null(AlertRules.LatencyObjectiveMissed(run, 2_000, options, Now));
        Assert.Null(AlertRules.LatencyObjectiveMissed(run, null, options, Now));
        Assert.Contains(AlertKinds.Latency, AlertKinds.All);
    }

    [Fact]
    public void A_failure_rate_over_the_limit_that_rose_by_the_margin_is_a_spike_once_per_run()
    {
        var options = new AlertOptions { FailureRate = 0.2, FailureRateIncrease = 0.1 };
        var run = Run(completed: 6, failed: 4);
        var spike = AlertRules.FailureRateSpike(run, Run(10, 0), options, Now);
        Assert.NotNull(spike);
        Assert.Equal(AlertKinds.FailureRate, spike.Kind);
        Assert.Equal(0.4, spike.Value);
        Assert.Equal($"failure_rate:{run.RunId}", spike.DedupeKey);
        Assert.Contains("4 of 10 calls failed", spike.Message, StringComparison.Ordinal);

        Assert.Null(AlertRules.FailureRateSpike(Run(9, 1), null, options, Now));            // 10 %: under the limit
        Assert.Null(AlertRules.FailureRateSpike(Run(6, 4), Run(65, 35), options, Now));     // 40 % after 35 %: no spike
        Assert.NotNull(AlertRules.FailureRateSpike(Run(0, 5), null, options, Now));         // everything failed, first run
    }

    [Fact]
    public void Only_a_significant_drop_against_a_real_baseline_raises_a_regression()
    {
        var run = Run(10, 0);
        var baseline = Guid.NewGuid();
        var drop = new GateCheckResult("overall_score", GateMetrics.NoSignificantRegression, 0, -12.5, false, "mean fell", baseline, 10, [-14, -11], 0.002);
        var alert = AlertRules.Regression(run, drop, Now);
        Assert.NotNull(alert);
        Assert.Equal(-12.5, alert.Value);
        Assert.Contains("mean fell", alert.Message, StringComparison.Ordinal);

        Assert.Null(AlertRules.Regression(run, drop with { Passed = true }, Now));
        Assert.Null(AlertRules.Regression(run, drop with { N = 0, Actual = null }, Now));   // could not be compared
    }

    [Fact]
    public void Alerts_move_forward_only()
    {
        Assert.True(AlertStatuses.CanMove("open", "acknowledged"));
        Assert.True(AlertStatuses.CanMove("open", "resolved"));
        Assert.True(AlertStatuses.CanMove("acknowledged", "resolved"));
        Assert.False(AlertStatuses.CanMove("acknowledged", "acknowledged"));
        Assert.False(AlertStatuses.CanMove("resolved", "open"));
        Assert.False(AlertStatuses.CanMove("resolved", "acknowledged"));
    }

    private static WebhookDelivery Delivery() => new() { Id = Guid.NewGuid(), TenantId = "t", Event = "alert.regression", Payload = "{}", NextAttemptAt = Now };

    [Fact]
    public void A_failed_attempt_is_retried_after_the_next_delay_until_the_attempts_run_out()
    {
        var options = new WebhookOptions { RetryDelaysSeconds = [1, 5] };
        var delivery = Delivery();
        DeliverySchedule.Record(delivery, new(1, Now, 500, "the receiver answered 500.", 3), options, Now);
        Assert.Equal((DeliveryStatuses.Pending, 1, Now.AddSeconds(1)), (delivery.Status, delivery.Attempts, delivery.NextAttemptAt));
        DeliverySchedule.Record(delivery, new(2, Now, null, "no answer within 10 s.", 10_000), options, Now);
        Assert.Equal(Now.AddSeconds(5), delivery.NextAttemptAt);
        DeliverySchedule.Record(delivery, new(3, Now, 503, "the receiver answered 503.", 2), options, Now);
        Assert.Equal(DeliveryStatuses.Failed, delivery.Status);
        Assert.Equal(new int?[] { 500, null, 503 }, delivery.Log.Select(a => a.StatusCode));
    }

    [Fact]
    public void A_2xx_answer_delivers()
    {
        var delivery = Delivery();
        DeliverySchedule.Record(delivery, new(1, Now, 204, null, 3), new WebhookOptions(), Now);
        Assert.Equal(DeliveryStatuses.Delivered, delivery.Status);
        Assert.Equal(Now, delivery.DeliveredAt);
    }

    [Fact]
    public void The_signature_is_hmac_sha256_of_the_time_and_the_body()
    {
        var secret = Encoding.UTF8.GetBytes("whsec-test-secret-0123456789");
        const string body = """{"id":"a","event":"alert.regression"}""";
        var header = WebhookSignature.Sign(secret, 1764331200, body);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"1764331200.{body}")));
        Assert.Equal($"t=1764331200,v1={expected}", header);
        Assert.NotEqual(header, WebhookSignature.Sign(secret, 1764331201, body));
    }

    private static WebhookSecrets Secrets(string key, string? previous = null) =>
        new(KeyEncryptionKeys.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [KeyEncryptionKeys.KeySetting] = key,
            [$"{KeyEncryptionKeys.PreviousSetting}:0"] = previous,
        }.Where(p => p.Value is not null)).Build()));

    [Fact]
    public void A_sealed_secret_holds_no_clear_text_opens_only_for_its_webhook_and_survives_a_key_rotation()
    {
        var keyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var keyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var webhook = Guid.NewGuid();
        var sealedSecret = Secrets(keyA).Seal(webhook, "canary-secret-7f3a");
        Assert.DoesNotContain("canary", sealedSecret, StringComparison.Ordinal);
        Assert.Equal("canary-secret-7f3a", Encoding.UTF8.GetString(Secrets(keyA).Open(webhook, sealedSecret)));
        Assert.ThrowsAny<CryptographicException>(() => Secrets(keyA).Open(Guid.NewGuid(), sealedSecret));
        Assert.ThrowsAny<CryptographicException>(() => Secrets(keyB).Open(webhook, sealedSecret));
        Assert.Equal("canary-secret-7f3a", Encoding.UTF8.GetString(Secrets(keyB, previous: keyA).Open(webhook, sealedSecret)));
    }
}
