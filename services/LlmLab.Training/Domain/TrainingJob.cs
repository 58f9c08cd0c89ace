namespace LlmLab.Training.Domain;

/// <summary>A training job of one tenant: its settings, text, progress, lease (which worker holds it) and outcome.</summary>
public sealed class TrainingJob
{
    public Guid Id { get; set; }
    public string TenantId { get; set; } = "";
    public string Name { get; set; } = "";
    public JobStatus Status { get; set; }
    /// <summary>texts, documents or dataset: where <see cref="Corpus"/> came from.</summary>
    public string Source { get; set; } = "";
    /// <summary>A trained model of the tenant the job starts from (fine-tuning), or null for a new network.</summary>
    public string? BaseModel { get; set; }
    public string Corpus { get; set; } = "";
    public int Epochs { get; set; }
    public int BatchSize { get; set; }
    public double LearningRate { get; set; }
    public int ContextLength { get; set; }
    public int EmbeddingSize { get; set; }
    public int HiddenSize { get; set; }
    public int Layers { get; set; }
    public double HoldoutFraction { get; set; }
    public long Seed { get; set; }
    public int CheckpointEvery { get; set; }

    public int TotalSteps { get; set; }
    public int CompletedSteps { get; set; }
    public int Resumes { get; set; }
    public string? WorkerId { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public bool CancelRequested { get; set; }
    public string? Error { get; set; }
    public double TrainingSeconds { get; set; }
    public int TrainTokens { get; set; }
    public int HoldoutTokens { get; set; }
    public int VocabularySize { get; set; }
    public long ParameterCount { get; set; }
    public List<Sample> Samples { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    public TrainingSettings Settings => new(Epochs, BatchSize, LearningRate, ContextLength, EmbeddingSize, HiddenSize, Layers,
        HoldoutFraction, Seed, CheckpointEvery);

    public void Apply(TrainingSettings s)
    {
        (Epochs, BatchSize, LearningRate, ContextLength) = (s.Epochs, s.BatchSize, s.LearningRate, s.ContextLength);
        (EmbeddingSize, HiddenSize, Layers, HoldoutFraction, Seed, CheckpointEvery) = (s.EmbeddingSize, s.HiddenSize, s.Layers, s.HoldoutFraction, s.Seed, s.CheckpointEvery);
    }

    /// <summary>Moves to a new status when the lifecycle allows it; false (and nothing changed) otherwise.</summary>
    public bool MoveTo(JobStatus next, DateTimeOffset now)
    {
        if (!JobLifecycle.CanMove(Status, next)) return false;
        Status = next;
        if (next == JobStatus.Running) StartedAt ??= now;
        if (next.IsFinal())
        {
            CompletedAt = now;
            WorkerId = null;
            LeaseUntil = null;
        }
        return true;
    }
}

/// <summary>A generation of the trained model from a prompt, kept for the report.</summary>
public sealed record Sample(string Prompt, string Text);
