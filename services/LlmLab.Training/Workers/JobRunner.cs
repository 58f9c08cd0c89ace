using System.Diagnostics;
using LlmLab.Training.Data;
using LlmLab.Training.Domain;
using LlmLab.Training.Modeling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace LlmLab.Training.Workers;

/// <summary>
/// Trains one claimed job: builds (or resumes from its checkpoint) the network, runs the gradient steps, records the
/// loss of every step and the held-out loss of every epoch, checkpoints, renews its lease, honours a cancel, and on
/// the last step stores the trained model with sample generations.
/// </summary>
public sealed class JobRunner(TrainingDbContext db, JobClaims claims, JobOutcomes outcomes, TimeProvider time,
    IOptions<WorkerOptions> options, ILogger<JobRunner> logger)
{
    private static readonly TimeSpan FlushEvery = TimeSpan.FromMilliseconds(250);

    public async Task RunAsync(Guid jobId, string workerId, CancellationToken ct)
    {
        var job = await db.Jobs.SingleAsync(j => j.Id == jobId, ct);
        if (job.CancelRequested)
        {
            await outcomes.CancelAsync(jobId, workerId);
            return;
        }
        var baseModel = job.BaseModel is null ? null
            : await db.Models.AsNoTracking().SingleOrDefaultAsync(m => m.TenantId == job.TenantId && m.Name == job.BaseModel, ct);
        if (job.BaseModel is not null && baseModel is null)
        {
            await outcomes.FailAsync(jobId, workerId, $"base_model: '{job.BaseModel}' no longer exists.");
            return;
        }
        var vocabulary = baseModel is null ? CharVocabulary.Of(job.Corpus) : new CharVocabulary(baseModel.Vocabulary);
        var plan = new CorpusPlan(vocabulary.Encode(job.Corpus), job.ContextLength, job.BatchSize, job.Epochs, job.HoldoutFraction, job.Seed);
        var shape = new ModelShape(vocabulary.Size, job.EmbeddingSize, job.HiddenSize, job.Layers);

        torch.manual_seed(job.Seed);
        using var session = new TrainingSession(new CharLstm(shape), plan, job.LearningRate, vocabulary.Size);
        if (baseModel is not null) WeightsCodec.Load(session.Network, baseModel.Weights);
        var (firstStep, trainingSeconds) = await RestoreAsync(job, session, ct);
        job.TotalSteps = plan.TotalSteps;
        job.VocabularySize = vocabulary.Size;
        job.TrainTokens = plan.Train.Length;
        job.HoldoutTokens = plan.Holdout.Length;
        job.ParameterCount = session.Network.ParameterCount;
        await db.SaveChangesAsync(ct);

        var pending = new List<TrainingStep>();
        var clock = Stopwatch.StartNew();
        var lastFlush = TimeSpan.Zero;
        var lastRenew = TimeSpan.Zero;
        for (var step = firstStep; step < plan.TotalSteps; step++)
        {
            ct.ThrowIfCancellationRequested();
            var epoch = plan.EpochOf(step);
            pending.Add(new TrainingStep { JobId = jobId, Step = step + 1, Epoch = epoch + 1, Loss = session.TrainStep(step) });
            var endsEpoch = (step + 1) % plan.StepsPerEpoch == 0;
            if (endsEpoch) db.HoldoutPoints.Add(new HoldoutPoint { JobId = jobId, Epoch = epoch + 1, Step = step + 1, Loss = session.HoldoutLoss() });
            var checkpoint = endsEpoch || (step + 1) % job.CheckpointEvery == 0;
            if (checkpoint || clock.Elapsed - lastFlush > FlushEvery || step + 1 == plan.TotalSteps)
            {
                job.CompletedSteps = step + 1;
                job.TrainingSeconds = trainingSeconds + clock.Elapsed.TotalSeconds;
                db.Steps.AddRange(pending);
                pending.Clear();
                if (checkpoint && step + 1 < plan.TotalSteps) await SaveCheckpointAsync(job, session, step + 1, ct);
                await db.SaveChangesAsync(ct);
                lastFlush = clock.Elapsed;
            }
            if (clock.Elapsed - lastRenew > options.Value.RenewEvery)
            {
                lastRenew = clock.Elapsed;
                var cancel = await claims.RenewAsync(jobId, workerId, options.Value.Lease, ct);
                if (cancel is null)
                {
                    logger.LogWarning("Training job {Job} was taken over by another worker; stopping here", jobId);
                    return;
                }
                if (cancel.Value)
                {
                    await outcomes.CancelAsync(jobId, workerId);
                    return;
                }
            }
        }
        await CompleteAsync(job, session, vocabulary, trainingSeconds + clock.Elapsed.TotalSeconds, ct);
    }

    private async Task<(int FirstStep, double TrainingSeconds)> RestoreAsync(TrainingJob job, TrainingSession session, CancellationToken ct)
    {
        var checkpoint = await db.Checkpoints.AsNoTracking().SingleOrDefaultAsync(c => c.JobId == job.Id, ct);
        var firstStep = checkpoint?.Step ?? 0;
        if (checkpoint is not null)
        {
            WeightsCodec.Load(session.Network, checkpoint.Weights);
            session.LoadOptimizer(checkpoint.Optimizer);
            logger.LogInformation("Training job {Job} resumes at step {Step}", job.Id, firstStep);
        }
        // Whatever a previous worker recorded after its last checkpoint is trained again, so the curve has one value per step.
        await db.Steps.Where(s => s.JobId == job.Id && s.Step > firstStep).ExecuteDeleteAsync(ct);
        await db.HoldoutPoints.Where(h => h.JobId == job.Id && h.Step > firstStep).ExecuteDeleteAsync(ct);
        job.CompletedSteps = firstStep;
        return (firstStep, checkpoint?.TrainingSeconds ?? 0);
    }

    private async Task SaveCheckpointAsync(TrainingJob job, TrainingSession session, int step, CancellationToken ct)
    {
        var saved = await db.Checkpoints.SingleOrDefaultAsync(c => c.JobId == job.Id, ct);
        if (saved is null) db.Checkpoints.Add(saved = new JobCheckpoint { JobId = job.Id });
        saved.Step = step;
        saved.Weights = WeightsCodec.Save(session.Network);
        saved.Optimizer = session.SaveOptimizer();
        saved.TrainingSeconds = job.TrainingSeconds;
        saved.SavedAt = time.GetUtcNow();
    }

    private async Task CompleteAsync(TrainingJob job, TrainingSession session, CharVocabulary vocabulary, double trainingSeconds, CancellationToken ct)
    {
        var generator = new TextGenerator(session.Network, vocabulary, job.ContextLength);
        job.Samples = SamplePrompts(job).Select(prompt =>
            new Sample(prompt, generator.Generate(prompt, new SamplingSettings(0.8, null, null, 160, 7, [])).Text)).ToList();
        job.TrainingSeconds = trainingSeconds;
        var now = time.GetUtcNow();
        if (!job.MoveTo(JobStatus.Completed, now)) return;
        db.Models.Add(new TrainedModel
        {
            Id = Guid.NewGuid(),
            TenantId = job.TenantId,
            Name = job.Name,
            JobId = job.Id,
            Vocabulary = vocabulary.Characters,
            EmbeddingSize = job.EmbeddingSize,
            HiddenSize = job.HiddenSize,
            Layers = job.Layers,
            ContextLength = job.ContextLength,
            Weights = WeightsCodec.Save(session.Network),
            CreatedAt = now,
        });
        await db.Checkpoints.Where(c => c.JobId == job.Id).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Training job {Job} completed in {Seconds:0.0} s", job.Id, trainingSeconds);
    }

    /// <summary>The opening words of the held-out text and of the training text: generations the report shows.</summary>
    private static IEnumerable<string> SamplePrompts(TrainingJob job)
    {
        var holdoutStart = job.Corpus.Length - (int)Math.Round(job.Corpus.Length * job.HoldoutFraction);
        static string Opening(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3));
        return new[] { Opening(job.Corpus[holdoutStart..]), Opening(job.Corpus) }.Where(p => p.Length > 0).Distinct();
    }
}
