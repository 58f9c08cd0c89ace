using System.Text.RegularExpressions;

namespace LlmLab.Analytics.Domain;

/// <summary>A metric a caller names (overall_score, f1, exact_match…): lower-case snake_case, at most 64 characters.</summary>
public static partial class MetricNames
{
    public static bool IsValid(string? metric) => metric is not null && Name().IsMatch(metric);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex Name();
}
