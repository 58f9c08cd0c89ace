namespace LlmLab.Training.Domain;

/// <summary>What a job trains: the network's shape and the optimiser's settings, fixed when the job is created.</summary>
public sealed record TrainingSettings(
    int Epochs,
    int BatchSize,
    double LearningRate,
    int ContextLength,
    int EmbeddingSize,
    int HiddenSize,
    int Layers,
    double HoldoutFraction,
    long Seed,
    int CheckpointEvery);
