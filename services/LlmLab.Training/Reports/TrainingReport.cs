using LlmLab.Training.Apis;
using LlmLab.Training.Domain;

namespace LlmLab.Training.Reports;

/// <summary>What a job's report says, whatever its format. Losses are nats per character; perplexity is e^loss.</summary>
public sealed record TrainingReport(
    Guid JobId, string Name, string Model, string Status, string Architecture, long Parameters, int VocabularySize,
    JobSettingsView Settings, ReportTokens Tokens, int Steps, int Epochs, double? DurationSeconds, double TrainingSeconds,
    int Resumes, ReportFinal Final, IReadOnlyList<LossPoint> TrainLoss, IReadOnlyList<LossPoint> HoldoutLoss,
    IReadOnlyList<Sample> Samples, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt)
{
    public static TrainingReport Of(TrainingJob job, IReadOnlyList<TrainingStep> steps, IReadOnlyList<HoldoutPoint> holdout)
    {
        var lastEpoch = steps.Count == 0 ? 0 : steps[^1].Epoch;
        double? trainLoss = steps.Count == 0 ? null : steps.Where(s => s.Epoch == lastEpoch).Average(s => s.Loss);
        double? holdoutLoss = holdout.Count == 0 ? null : holdout[^1].Loss;
        return new TrainingReport(job.Id, job.Name, $"local/{job.Name}", job.Status.Name(), TrainedModel.CharLstmArchitecture,
            job.ParameterCount, job.VocabularySize, JobSettingsView.Of(job.Settings),
            new ReportTokens(job.TrainTokens, job.HoldoutTokens, "character"), steps.Count, lastEpoch,
            job is { StartedAt: { } started, CompletedAt: { } done } ? Math.Round((done - started).TotalSeconds, 3) : null,
            Math.Round(job.TrainingSeconds, 3), job.Resumes,
            new ReportFinal(trainLoss, Perplexity(trainLoss), holdoutLoss, Perplexity(holdoutLoss)),
            steps.Select(s => new LossPoint(s.Step, s.Epoch, s.Loss)).ToList(),
            holdout.Select(h => new LossPoint(h.Step, h.Epoch, h.Loss)).ToList(),
            job.Samples, job.CreatedAt, job.CompletedAt);
    }

    private static double? Perplexity(double? loss) => loss is { } l ? Math.Exp(l) : null;
}

public sealed record ReportTokens(int Train, int Holdout, string Unit);

public sealed record ReportFinal(double? TrainLoss, double? TrainPerplexity, double? HoldoutLoss, double? HoldoutPerplexity);

public sealed record LossPoint(int Step, int Epoch, double Loss);
