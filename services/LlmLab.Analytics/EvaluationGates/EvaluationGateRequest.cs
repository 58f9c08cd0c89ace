using System.Globalization;
using System.Text.Json;
using LlmLab.Analytics.Gates;

namespace LlmLab.Analytics.EvaluationGates;

/// <summary>
/// The body of PUT /api/evaluations/{id}/gates: either the thresholds alone (<c>[{metric, op, value, method?}]</c>) or
/// <c>{checks: [...], baseline_evaluation_id?, no_significant_regression?}</c>. Whether a method or metric exists in the
/// evaluation is decided when the gate is evaluated (the check then fails with the reason), not here.
/// </summary>
public sealed record EvaluationGateRequest(List<EvaluationGateThresholdInput>? Checks, Guid? BaselineEvaluationId, bool? NoSignificantRegression)
{
    public const int MaxMethodLength = 64;

    public static EvaluationGateRequest Parse(JsonElement body, JsonSerializerOptions json) =>
        body.ValueKind == JsonValueKind.Array
            ? new EvaluationGateRequest(body.Deserialize<List<EvaluationGateThresholdInput>>(json), null, null)
            : body.ValueKind == JsonValueKind.Object
                ? body.Deserialize<EvaluationGateRequest>(json)!
                : throw new JsonException("must be a list of checks or an object with checks.", "$", null, null);

    /// <summary>The field at fault and why, for each problem; empty when the gate can be saved.</summary>
    public Dictionary<string, string[]> Validate(Guid evaluationId)
    {
        var errors = new Dictionary<string, string[]>();
        var checks = Checks ?? [];
        if (checks.Count > GateRequest.MaxChecks) errors["checks"] = [$"at most {GateRequest.MaxChecks} checks, not {checks.Count}."];
        if (checks.Count == 0 && NoSignificantRegression != true)
            errors["checks"] = ["give at least one check, or no_significant_regression: true."];
        for (var i = 0; i < checks.Count && i < GateRequest.MaxChecks; i++)
        {
            var (metric, op, value, method) = checks[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"checks[{i}]");
            if (metric is null || !EvaluationGateMetrics.All.Contains(metric))
                errors[$"{at}.metric"] = [$"must be one of {string.Join(", ", EvaluationGateMetrics.All)}."];
            if (op is not (GateMetrics.AtLeast or GateMetrics.AtMost)) errors[$"{at}.op"] = ["must be \">=\" or \"<=\"."];
            if (value is not { } v || !double.IsFinite(v)) errors[$"{at}.value"] = ["is required: a number."];
            else if (metric is not null && EvaluationGateMetrics.Shares.Contains(metric) && v is < 0 or > 1)
                errors[$"{at}.value"] = [$"{metric} is a share between 0 and 1."];
            else if (v < 0) errors[$"{at}.value"] = [$"{metric} is never negative."];
            if (method is not null && (string.IsNullOrWhiteSpace(method) || method.Length > MaxMethodLength))
                errors[$"{at}.method"] = [$"a method's label (1–{MaxMethodLength} characters), or leave it out for every method."];
        }
        if (BaselineEvaluationId == Guid.Empty) errors["baseline_evaluation_id"] = ["must be an evaluation id."];
        else if (BaselineEvaluationId == evaluationId) errors["baseline_evaluation_id"] = ["must be another evaluation than the gated one."];
        return errors;
    }

    public List<EvaluationGateThreshold> Thresholds() =>
        (Checks ?? []).Select(c => new EvaluationGateThreshold(c.Metric!, c.Op!, c.Value!.Value, c.Method)).ToList();
}

public sealed record EvaluationGateThresholdInput(string? Metric, string? Op, double? Value, string? Method);
