using LlmLab.Analytics.Gates;

namespace LlmLab.Analytics.EvaluationGates;

/// <summary>
/// Turns an evaluation's gate and figures into its gate result, with the run gates' comparison and reasons
/// (<see cref="GateEvaluator.Check"/>). A check without a method gives one result per method of the evaluation; a
/// method the evaluation lacks, or a figure its summary lacks, fails the check with the reason. Pure.
/// </summary>
public static class EvaluationGateEvaluator
{
    public static GateResult Evaluate(EvaluationGateDefinition gate, FinishedEvaluation finished, EvaluationResults results,
        IReadOnlyList<GateCheckResult> regression, DateTimeOffset now)
    {
        var checks = gate.Checks.SelectMany(t => Checks(t, results.Summary)).Concat(regression).ToList();
        return new GateResult
        {
            RunId = finished.EvaluationId,
            TenantId = finished.TenantId,
            ExperimentId = Guid.Empty,
            RunStatus = finished.Status,
            Passed = checks.All(c => c.Passed),
            Checks = checks,
            ResponsesScored = finished.Completed,
            ResponsesExpected = finished.Completed,
            EvaluatedAt = now,
        };
    }

    public static IEnumerable<GateCheckResult> Checks(EvaluationGateThreshold threshold, IReadOnlyList<MethodResults> methods)
    {
        if (threshold.Method is { } label && methods.All(m => m.Label != label))
        {
            yield return new(threshold.Metric, threshold.Op, threshold.Value, null, false,
                $"the evaluation has no method {label} (its methods: {string.Join(", ", methods.Select(m => m.Label))}).", Method: label);
            yield break;
        }
        foreach (var method in methods.Where(m => threshold.Method is null || m.Label == threshold.Method))
        {
            if (EvaluationGateMetrics.Measure(method, threshold.Metric) is not { } actual)
            {
                yield return new(threshold.Metric, threshold.Op, threshold.Value, null, false,
                    $"method {method.Label} ({method.Method}) has no {threshold.Metric} to measure.", Method: method.Label);
                continue;
            }
            var check = GateEvaluator.Check(new GateThreshold(threshold.Metric, threshold.Op, threshold.Value), actual);
            yield return check with { Reason = $"method {method.Label}: {check.Reason}", Method = method.Label };
        }
    }
}
