namespace LlmLab.Training.Apis;

/// <summary>POST /api/training/jobs: a name, one text source (texts, document_ids or dataset_id) and the settings.</summary>
public sealed record NewTrainingJob(
    string? Name,
    List<string>? Texts,
    List<string>? DocumentIds,
    string? DatasetId,
    string? BaseModel,
    int? Epochs,
    int? BatchSize,
    double? LearningRate,
    int? ContextLength,
    int? EmbeddingSize,
    int? HiddenSize,
    int? Layers,
    double? HoldoutFraction,
    long? Seed,
    int? CheckpointEvery);
