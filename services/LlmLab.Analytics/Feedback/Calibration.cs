namespace LlmLab.Analytics.Feedback;

/// <summary>
/// Calibration of the overall score against people: the agreement of today's overall score, the weights fitted on all
/// responses, and the agreement those weights reach on responses they were not fitted on (k-fold cross-validation; the
/// folds are the responses ordered by id, dealt round-robin, so the same data gives the same answer).
/// </summary>
public static class Calibration
{
    public const int MinimumResponses = 10;

    public static CalibrationOutcome Run(IReadOnlyList<CalibrationRow> rows, IReadOnlyList<string> metrics, int folds)
    {
        var ordered = rows.OrderBy(r => r.ResponseId).ToList();
        var features = ordered.Select(r => metrics.Select(m => r.Metrics[m]).ToArray()).ToList();
        var people = ordered.Select(r => r.People).ToList();

        var weights = WeightFit.Fit(features, people);
        var heldOut = new double[ordered.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var train = Enumerable.Range(0, ordered.Count).Where(i => i % folds != fold).ToList();
            var foldWeights = WeightFit.Fit(train.Select(i => features[i]).ToList(), train.Select(i => people[i]).ToList());
            for (var i = fold; i < ordered.Count; i += folds) heldOut[i] = WeightFit.Overall(features[i], foldWeights);
        }

        return new CalibrationOutcome(
            metrics.Zip(weights).ToDictionary(p => p.First, p => Math.Round(p.Second, 6), StringComparer.Ordinal),
            MetricAgreement.Of("overall_score", ordered.Select(r => r.Overall).ToList(), people),
            MetricAgreement.Of("overall_score (calibrated, cross-validated)", heldOut, people),
            MetricAgreement.Of("overall_score (calibrated, in sample)", features.Select(f => WeightFit.Overall(f, weights)).ToList(), people),
            ordered.Count, folds);
    }
}

/// <summary>One response people scored: its automatic metrics, its stored overall score and people's mean score.</summary>
public sealed record CalibrationRow(Guid ResponseId, IReadOnlyDictionary<string, double> Metrics, double Overall, double People);

public sealed record CalibrationOutcome(IReadOnlyDictionary<string, double> Weights, Agreement Before, Agreement AfterCrossValidated,
    Agreement AfterInSample, int N, int Folds);
