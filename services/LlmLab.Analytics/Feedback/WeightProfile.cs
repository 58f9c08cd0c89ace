using System.Text.Json;

namespace LlmLab.Analytics.Feedback;

/// <summary>
/// A named set of overall-score weights fitted to people's scores, with the agreement before and after. Calibrating
/// under an existing name replaces it. The weights are what POST /api/quality/analyze and experiments take as `weights`.
/// </summary>
public sealed class WeightProfile
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string Name { get; set; }
    /// <summary>The calibration outcome as JSON: weights, agreements, n and folds.</summary>
    public required string Outcome { get; set; }
    public Guid? RunId { get; set; }
    public Guid? ExperimentId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A weight profile as the API shows it.</summary>
public sealed record WeightProfileView(string Name, IReadOnlyDictionary<string, double> Weights, Agreement Before, Agreement AfterCrossValidated,
    Agreement AfterInSample, int N, int Folds, Guid? RunId, Guid? ExperimentId, DateTimeOffset CreatedAt)
{
    public static WeightProfileView Of(WeightProfile p)
    {
        var o = JsonSerializer.Deserialize<CalibrationOutcome>(p.Outcome, JsonSerializerOptions.Web)!;
        return new(p.Name, o.Weights, o.Before, o.AfterCrossValidated, o.AfterInSample, o.N, o.Folds, p.RunId, p.ExperimentId, p.CreatedAt);
    }
}
