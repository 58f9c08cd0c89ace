using System.Text.RegularExpressions;

namespace LlmLab.Analytics.Feedback;

/// <summary>The body of POST /api/feedback/calibrate: the profile's name, which feedback (a run, an experiment, or the tenant's), and the folds.</summary>
public sealed partial record CalibrateRequest(string? Name, Guid? RunId, Guid? ExperimentId, int? Folds)
{
    public const int MaxNameLength = 100;
    public const int DefaultFolds = 5;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name)) errors["name"] = ["name the weight profile, e.g. \"support-answers\"."];
        else if (Name.Length > MaxNameLength || !NamePattern().IsMatch(Name))
            errors["name"] = [$"1–{MaxNameLength} characters: letters, digits, '.', '_' and '-'."];
        if (Folds is < 2 or > 20) errors["folds"] = ["must be from 2 to 20."];
        if (RunId is not null && ExperimentId is not null) errors["run_id"] = ["give run_id or experiment_id, not both."];
        return errors;
    }

    public int EffectiveFolds => Folds ?? DefaultFolds;

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex NamePattern();
}
