using System.Text.RegularExpressions;
using LlmLab.ServiceKit;

namespace LlmLab.Analytics.Annotation;

/// <summary>
/// The body of POST /api/annotation-queues: the run whose responses people review, the reviewers (subject ids of the
/// tenant as /api/me shows them, or a user's bare id), how many reviewers judge each response (default
/// 1), and optionally a sample of the responses drawn with a seed.
/// </summary>
public sealed partial record QueueRequest(string? Name, Guid? RunId, IReadOnlyList<string?>? Reviewers, int? ReviewersPerResponse, int? SampleSize, int? Seed)
{
    public const int MaxReviewers = 50;
    public const int MaxResponses = 10_000;
    public const int MaxSubjectLength = 200;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (TextRules.Problem(Name, TextRules.MaxName) is { } name) errors["name"] = [name];
        if (RunId is null || RunId == Guid.Empty) errors["run_id"] = ["is required: the id of a batch run or an evaluation."];
        if (Reviewers is not { Count: > 0 }) errors["reviewers"] = ["name at least one reviewer (a user id of the tenant)."];
        else if (Reviewers.Count > MaxReviewers) errors["reviewers"] = [$"at most {MaxReviewers} reviewers."];
        else
        {
            for (var i = 0; i < Reviewers.Count; i++)
            {
                if (SubjectOf(Reviewers[i]) is null) errors[$"reviewers[{i}]"] = ["must be a subject id as /api/me shows it (user:<id>, key:<id>, jwt:<sub>) or a user's id."];
            }
            var subjects = Reviewers.Select(SubjectOf).OfType<string>().ToList();
            if (subjects.Count == Reviewers.Count && subjects.Distinct(StringComparer.Ordinal).Count() != subjects.Count)
                errors["reviewers"] = ["must not name a reviewer twice."];
        }
        var reviewers = Reviewers?.Count ?? 0;
        if (ReviewersPerResponse is { } k && (k < 1 || (reviewers > 0 && k > reviewers)))
            errors["reviewers_per_response"] = [$"must be from 1 to the number of reviewers ({Math.Max(reviewers, 1)})."];
        if (SampleSize is { } n && (n < 1 || n > MaxResponses)) errors["sample_size"] = [$"must be from 1 to {MaxResponses}."];
        if (Seed is < 0) errors["seed"] = ["must be 0 or more."];
        return errors;
    }

    /// <summary>The reviewers as subject ids, in the order given; call after <see cref="Validate"/> found nothing.</summary>
    public IReadOnlyList<string> SubjectIds() => Reviewers!.Select(r => SubjectOf(r)!).ToList();

    /// <summary>
    /// The subject id of a reviewer as GET /api/me shows it ("user:&lt;id&gt;", "key:&lt;id&gt;", "jwt:&lt;sub&gt;"): a
    /// bare UUID is a user's id ("user:&lt;id&gt;"); else "scheme:value" with a lowercase scheme and no whitespace; else null.
    /// </summary>
    public static string? SubjectOf(string? reviewer)
    {
        if (reviewer is null || TextRules.Problem(reviewer, MaxSubjectLength) is not null) return null;
        if (Guid.TryParseExact(reviewer, "D", out var bare)) return $"user:{bare}";
        return Subject().IsMatch(reviewer) ? reviewer : null;
    }

    [GeneratedRegex("^[a-z]{2,20}:[^\\s]+$")]
    private static partial Regex Subject();
}
