namespace LlmLab.Experiments.Domain;

/// <summary>A prompt and the parameter grid to run it over.</summary>
public sealed class Experiment
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    /// <summary>The caller who created it (their SubjectId); callers of role user see only their own.</summary>
    public string CreatedBy { get; set; } = "";
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public required string Prompt { get; set; }
    public string Provider { get; set; } = "local";
    public string Model { get; set; } = "";
    public double TemperatureMin { get; set; }
    public double TemperatureMax { get; set; }
    public double TemperatureStep { get; set; }
    public double TopPMin { get; set; }
    public double TopPMax { get; set; }
    public double TopPStep { get; set; }
    public int MaxTokens { get; set; }
    public double FrequencyPenalty { get; set; }
    public double PresencePenalty { get; set; }
    public int ResponseCount { get; set; }
    /// <summary>When set, every repetition uses this seed; otherwise each draws and records its own.</summary>
    public long? Seed { get; set; }
    /// <summary>When set, every response is also scored by this provider/model as an LLM judge.</summary>
    public string? JudgeProvider { get; set; }
    public string? JudgeModel { get; set; }
    public List<string> Tags { get; set; } = [];
    public ExperimentStatus Status { get; set; }
    /// <summary>When the run event behind <see cref="Status"/> happened; an older event arriving late changes nothing.</summary>
    public DateTimeOffset? StatusChangedAt { get; set; }
    public bool IsFavorited { get; set; }
    public bool IsArchived { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
}

/// <summary>draft → running → completed | completed_with_errors | failed | cancelled, following the experiment's latest run.</summary>
public enum ExperimentStatus
{
    Draft,
    Running,
    Completed,
    CompletedWithErrors,
    Failed,
    Cancelled,
}
