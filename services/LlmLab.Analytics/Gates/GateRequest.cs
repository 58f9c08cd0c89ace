using System.Globalization;
using System.Text.Json;
using LlmLab.Analytics.Domain;

namespace LlmLab.Analytics.Gates;

/// <summary>
/// The body of PUT /api/experiments/{id}/gates: either the thresholds alone (<c>[{metric, op, value}]</c>) or
/// <c>{checks: [...], baseline_run_id?, no_significant_regression?, regression_metric?}</c>.
/// </summary>
public sealed record GateRequest(List<GateThresholdInput>? Checks, Guid? BaselineRunId, bool? NoSignificantRegression, string? RegressionMetric)
{
    public const int MaxChecks = 50;

    public static GateRequest Parse(JsonElement body, JsonSerializerOptions json) =>
        body.ValueKind == JsonValueKind.Array
            ? new GateRequest(body.Deserialize<List<GateThresholdInput>>(json), null, null, null)
            : body.ValueKind == JsonValueKind.Object
                ? body.Deserialize<GateRequest>(json)!
                : throw new JsonException("must be a list of checks or an object with checks.", "$", null, null);

    /// <summary>The field at fault and why, for each problem; empty when the gate can be saved.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        var checks = Checks ?? [];
        if (checks.Count > MaxChecks) errors["checks"] = [$"at most {MaxChecks} checks, not {checks.Count}."];
        if (checks.Count == 0 && NoSignificantRegression != true)
            errors["checks"] = ["give at least one check, or no_significant_regression: true."];
        for (var i = 0; i < checks.Count && i < MaxChecks; i++)
        {
            var (metric, op, value) = checks[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"checks[{i}]");
            if (!MetricNames.IsValid(metric)) errors[$"{at}.metric"] = ["is required: a metric such as overall_score, f1, latency_p95_ms, cost_usd or failure_rate."];
            if (op is not (GateMetrics.AtLeast or GateMetrics.AtMost)) errors[$"{at}.op"] = ["must be \">=\" or \"<=\"."];
            if (value is not { } v) errors[$"{at}.value"] = ["is required: a number."];
            else if (metric == GateMetrics.FailureRate && v is < 0 or > 1) errors[$"{at}.value"] = ["a failure rate is between 0 and 1."];
            else if (metric is not null && GateMetrics.RunLevel.Contains(metric) && v < 0) errors[$"{at}.value"] = [$"{metric} is never negative."];
        }
        if (RegressionMetric is not null && !MetricNames.IsValid(RegressionMetric))
            errors["regression_metric"] = ["must be a metric name such as overall_score or f1."];
        if (BaselineRunId == Guid.Empty) errors["baseline_run_id"] = ["must be a run id."];
        return errors;
    }

    public List<GateThreshold> Thresholds() => (Checks ?? []).Select(c => new GateThreshold(c.Metric!, c.Op!, c.Value!.Value)).ToList();
}

public sealed record GateThresholdInput(string? Metric, string? Op, double? Value);
