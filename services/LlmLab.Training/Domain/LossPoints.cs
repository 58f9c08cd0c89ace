namespace LlmLab.Training.Domain;

/// <summary>The training loss (mean cross-entropy, nats per character) of one optimiser step.</summary>
public sealed class TrainingStep
{
    public Guid JobId { get; set; }
    public int Step { get; set; }
    public int Epoch { get; set; }
    public double Loss { get; set; }
}

/// <summary>The loss on the held-out text, measured after an epoch (at the step that ended it).</summary>
public sealed class HoldoutPoint
{
    public Guid JobId { get; set; }
    public int Epoch { get; set; }
    public int Step { get; set; }
    public double Loss { get; set; }
}
