namespace LlmLab.Analytics.Feedback;

/// <summary>
/// A person's judgement of one response: a score from 1 to 5 (thumbs up counts as 5, down as 1), a label, a comment and
/// a corrected answer. One per reviewer and response; giving it again replaces it.
/// </summary>
public sealed class ResponseFeedback
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public Guid ResponseId { get; set; }
    public required string Reviewer { get; set; }
    public int Score { get; set; }
    /// <summary>"up" or "down" when the person gave thumbs rather than a score.</summary>
    public string? Thumbs { get; set; }
    public string? Label { get; set; }
    public string? Comment { get; set; }
    public string? CorrectedAnswer { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
