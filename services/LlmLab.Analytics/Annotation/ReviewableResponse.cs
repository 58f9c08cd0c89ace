namespace LlmLab.Analytics.Annotation;

/// <summary>A response of a run as a reviewer sees it: the prompt, the answer and, for an evaluation, the reference answer.</summary>
public sealed record ReviewableResponse(Guid ResponseId, string Prompt, string ResponseText, string? ReferenceAnswer);
