using LlmLab.Training.Domain;

namespace LlmLab.Training.Apis;

/// <summary>A job as the API shows it (never its text): status, progress, latest losses and where to look next.</summary>
public sealed record JobView(
    Guid Id, string Name, string Model, string Status, string Source, string? BaseModel, JobSettingsView Settings,
    double Progress, int CompletedSteps, int TotalSteps, int Epoch, double? LastLoss, double? HoldoutLoss, int Resumes,
    string? Error, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt,
    string StatusUrl, string ProgressUrl, string ReportUrl)
{
    public static JobView Of(TrainingJob job, double? lastLoss, HoldoutPoint? holdout)
    {
        var url = $"/api/training/jobs/{job.Id}";
        var stepsPerEpoch = job.TotalSteps == 0 ? 0 : job.TotalSteps / job.Epochs;
        return new JobView(job.Id, job.Name, $"local/{job.Name}", job.Status.Name(), job.Source, job.BaseModel, JobSettingsView.Of(job.Settings),
            job.TotalSteps == 0 ? 0 : Math.Round(100.0 * job.CompletedSteps / job.TotalSteps, 1), job.CompletedSteps, job.TotalSteps,
            stepsPerEpoch == 0 ? 0 : Math.Min(job.Epochs, job.CompletedSteps / stepsPerEpoch + (job.CompletedSteps % stepsPerEpoch > 0 ? 1 : 0)),
            lastLoss, holdout?.Loss, job.Resumes, job.Error, job.CreatedAt, job.StartedAt, job.CompletedAt,
            url, $"{url}/progress", $"{url}/report");
    }
}

public sealed record JobSettingsView(int Epochs, int BatchSize, double LearningRate, int ContextLength, int EmbeddingSize,
    int HiddenSize, int Layers, double HoldoutFraction, long Seed, int CheckpointEvery)
{
    public static JobSettingsView Of(TrainingSettings s) => new(s.Epochs, s.BatchSize, s.LearningRate, s.ContextLength, s.EmbeddingSize,
        s.HiddenSize, s.Layers, s.HoldoutFraction, s.Seed, s.CheckpointEvery);
}
