namespace LlmLab.Analytics.Annotation;

/// <summary>
/// One response of a queue given to one reviewer, with what the reviewer needs to judge it (copied when the queue was
/// made, so reviewing does not depend on the batch or evaluation service). Done when the reviewer gave feedback on the
/// response; a skipped one comes back after the reviewer's other open items.
/// </summary>
public sealed class AnnotationAssignment
{
    public Guid Id { get; set; }
    public Guid QueueId { get; set; }
    public required string TenantId { get; set; }
    public Guid ResponseId { get; set; }
    /// <summary>The response's place in the queue (0-based), the order each reviewer gets their items in.</summary>
    public int Position { get; set; }
    public required string Reviewer { get; set; }
    public required string Prompt { get; set; }
    public required string ResponseText { get; set; }
    public string? ReferenceAnswer { get; set; }
    public DateTimeOffset? SkippedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
}
