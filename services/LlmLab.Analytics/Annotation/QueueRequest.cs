using LlmLab.ServiceKit;

namespace LlmLab.Analytics.Annotation;

/// <summary>
/// The body of POST /api/annotation-queues: the run whose responses people review, the reviewers (subject ids of the
/// tenant: "user:&lt;id&gt;", "key:&lt;id&gt;", or a user's bare id), how many reviewers judge each response (default
/// 1), and optionally a sample of the responses drawn with a seed.
/// </summary>
public sealed record QueueRequest(string? Name, Guid? RunId, IReadOnlyList<string?>? Reviewers, int? ReviewersPerResponse, int? SampleSize, int? Seed)
{
    public const int MaxReviewers = 50;
    public const int MaxResponses = 10_000;

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
                if (SubjectOf(Reviewers[i]) is null) errors[$"reviewers[{i}]"] = ["must be a user id (a UUID, user:<id>) or key:<id>."];
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
    public IReadOnlyList<string> Subjects => Reviewers!.Select(r => SubjectOf(r)!).ToList();

    /// <summary>"user:&lt;id&gt;" for a bare UUID, the text itself for "user:&lt;uuid&gt;" or "key:&lt;uuid&gt;", else null.</summary>
    public static string? SubjectOf(string? reviewer)
    {
        if (reviewer is null) return null;
        if (Guid.TryParseExact(reviewer, "D", out var bare)) return $"user:{bare}";
        foreach (var prefix in new[] { "user:", "key:" })
        {
            if (reviewer.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParseExact(reviewer[prefix.Length..], "D", out var id))
                return $"{prefix}{id}";
        }
        return null;
    }
}
