using Microsoft.Extensions.Options;
using TorchSharp;

namespace LlmLab.Training.Workers;

/// <summary>
/// The replica's worker: claims jobs from PostgreSQL (up to MaxConcurrentJobs at once) and trains them. Every replica
/// runs one; they share the queue through row locks and leases (see <see cref="JobClaims"/>).
/// </summary>
public sealed class TrainingWorker(IServiceScopeFactory scopes, IOptions<WorkerOptions> options, ILogger<TrainingWorker> logger) : BackgroundService
{
    private readonly string _workerId = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    // libtorch is loaded on the first job, not at start: a replica that never trains keeps ~50 MiB of native code unmapped.
    private readonly Lazy<bool> _torchReady = new(() =>
    {
        torch.set_num_threads(options.Value.TorchThreads);
        return true;
    });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.MaxConcurrentJobs == 0) return;
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
            Guid? claimed = null;
            if (running.Count < settings.MaxConcurrentJobs)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    claimed = await scope.ServiceProvider.GetRequiredService<JobClaims>().ClaimAsync(_workerId, settings.Lease, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not look for training jobs; trying again");
                }
            }
            if (claimed is { } jobId)
            {
                logger.LogInformation("Worker {Worker} took training job {Job}", _workerId, jobId);
                _ = _torchReady.Value;
                running.Add(Task.Run(() => TrainAsync(jobId, stoppingToken), CancellationToken.None));
                continue;
            }
            try
            {
                await Task.Delay(settings.PollMilliseconds, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(running);
    }

    private async Task TrainAsync(Guid jobId, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<JobRunner>().RunAsync(jobId, _workerId, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await scope.ServiceProvider.GetRequiredService<JobClaims>().ReleaseAsync(jobId, _workerId);
            logger.LogInformation("Training job {Job} handed back at shutdown; it resumes from its last checkpoint", jobId);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Training job {Job} failed", jobId);
            await scope.ServiceProvider.GetRequiredService<JobOutcomes>().FailAsync(jobId, _workerId, ex.Message);
        }
    }
}
