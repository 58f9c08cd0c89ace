namespace LlmLab.Evaluation.Domain;

/// <summary>One work item: a dataset item answered by one method, with the answer, its scores and its trace.</summary>
public sealed class EvaluationItem
{
    public Guid Id { get; set; }
    public Guid EvaluationId { get; set; }
    public required string TenantId { get; set; }
    public Guid DatasetItemId { get; set; }
    public required string ItemKey { get; set; }
    public required string MethodLabel { get; set; }
    public ItemStatus Status { get; set; }
    public string? Answer { get; set; }
    public string? ExtractedAnswer { get; set; }
    /// <summary>Reference metrics from quality-analysis (0–100): exact_match, f1, substring_match, numeric_match, …</summary>
    public Dictionary<string, double> Scores { get; set; } = [];
    public double LatencyMs { get; set; }
    public int PromptTokens { get; set; }
    public int CompletionTokens { get; set; }
    public double CostUsd { get; set; }
    public int Steps { get; set; }
    public int ToolCalls { get; set; }
    public int ToolErrors { get; set; }
    /// <summary>Agent: reached a final answer. Other methods: answered.</summary>
    public bool Finished { get; set; }
    public List<TraceStep> Trace { get; set; } = [];
    public List<RetrievedPassage> Retrieved { get; set; } = [];
    /// <summary>Retrieval: 1-based rank of the first chunk from a supporting fact's document, 0 when none was retrieved.</summary>
    public int? FirstHitRank { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>One agent step: the model's thought and action, and what the tool answered.</summary>
public sealed record TraceStep(int Step, string Output, string? Thought, string? Action, string? ActionInput, string? Observation, bool ToolError);

/// <summary>A chunk the method retrieved and showed the model.</summary>
public sealed record RetrievedPassage(string ChunkId, string DocumentId, string DocumentTitle, string Text, double Score);
