namespace LlmLab.Training.Domain;

/// <summary>A text people graded (expected_score, 0–100) with the platform's metrics of it.</summary>
public sealed class TestSubmission
{
    public Guid Id { get; set; }
    public string TenantId { get; set; } = "";
    public string Collection { get; set; } = "";
    public string Text { get; set; } = "";
    public string Prompt { get; set; } = "";
    public double ExpectedScore { get; set; }
    public Dictionary<string, double> Metrics { get; set; } = [];
    public string AnalysisVersion { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
