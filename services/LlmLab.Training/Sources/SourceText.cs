namespace LlmLab.Training.Sources;

/// <summary>The training text a source gave, or the field at fault and why (with the status to answer).</summary>
public sealed record SourceText(string? Text, string? Field = null, string? Problem = null, int Status = 422)
{
    public static SourceText Of(string text) => new(text);
    public static SourceText Refused(string field, string problem, int status = 422) => new(null, field, problem, status);
}
