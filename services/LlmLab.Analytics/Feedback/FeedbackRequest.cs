namespace LlmLab.Analytics.Feedback;

/// <summary>The body of POST /api/responses/{id}/feedback: a score 1–5 or thumbs ("up"/"down"), and optional label, comment, corrected answer.</summary>
public sealed record FeedbackRequest(int? Score, string? Thumbs, string? Label, string? Comment, string? CorrectedAnswer)
{
    public const int MaxLabelLength = 100;
    public const int MaxCommentLength = 10_000;
    public const int MaxCorrectedAnswerLength = 100_000;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Score is null && Thumbs is null) errors["score"] = ["give a score from 1 to 5, or thumbs: \"up\" or \"down\"."];
        if (Score is not null && Thumbs is not null) errors["thumbs"] = ["give a score or thumbs, not both."];
        if (Score is < 1 or > 5) errors["score"] = ["must be from 1 to 5."];
        if (Thumbs is not (null or "up" or "down")) errors["thumbs"] = ["must be \"up\" or \"down\"."];
        if (Label is { Length: > MaxLabelLength }) errors["label"] = [$"at most {MaxLabelLength} characters."];
        if (Comment is { Length: > MaxCommentLength }) errors["comment"] = [$"at most {MaxCommentLength} characters."];
        if (CorrectedAnswer is { Length: > MaxCorrectedAnswerLength }) errors["corrected_answer"] = [$"at most {MaxCorrectedAnswerLength} characters."];
        return errors;
    }

    /// <summary>The person's score on the 1–5 scale the agreement ranks: thumbs up is 5, down is 1.</summary>
    public int EffectiveScore => Score ?? (Thumbs == "up" ? 5 : 1);
}

/// <summary>Feedback as the API shows it.</summary>
public sealed record FeedbackView(Guid Id, Guid ResponseId, string Reviewer, int Score, string? Thumbs, string? Label, string? Comment,
    string? CorrectedAnswer, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static FeedbackView Of(ResponseFeedback f) =>
        new(f.Id, f.ResponseId, f.Reviewer, f.Score, f.Thumbs, f.Label, f.Comment, f.CorrectedAnswer, f.CreatedAt, f.UpdatedAt);
}
