namespace LlmLab.Training.Domain;

/// <summary>The last saved state of a running job (weights and optimiser), from which any replica resumes it.</summary>
public sealed class JobCheckpoint
{
    public Guid JobId { get; set; }
    public int Step { get; set; }
    public byte[] Weights { get; set; } = [];
    public byte[] Optimizer { get; set; } = [];
    public double TrainingSeconds { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}
