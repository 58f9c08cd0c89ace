using LlmLab.Contracts.Messages;

namespace LlmLab.Batch.Workers;

/// <summary>
/// How a run's work items are grouped into <see cref="GenerateResponses"/> commands, and how many chunks a worker
/// runs at once. A chunk pays once what a call used to pay each time: the message, the database round trips, the
/// scoring call, the counter update and the analytics event (docs/architecture.md, "Chunks").
/// </summary>
public sealed class WorkChunking(IConfiguration configuration)
{
    /// <summary>Calls a worker keeps in flight; the provider's own limit in llm-integration is the real ceiling.</summary>
    public int WorkerConcurrency => Math.Max(1, configuration.GetValue("Batch:WorkerConcurrency", 64));

    /// <summary>
    /// Items per chunk (Batch:ChunkSize, 32), never more than a worker keeps in flight. A chunk costs the platform about
    /// 15 ms of CPU whatever its size, so at 16 items that was half of a call's cost (docs/operations.md, "Chunks of 32
    /// and prepared statements").
    /// </summary>
    public int ChunkSize => Math.Min(WorkerConcurrency, Math.Clamp(configuration.GetValue("Batch:ChunkSize", 32), 1, 500));

    /// <summary>
    /// Chunks a worker runs at once: <see cref="WorkerConcurrency"/> calls, and one chunk more when that is at least four
    /// chunks, so the provider stays busy while a chunk is scored and recorded (at most a fourth more calls, which the
    /// provider's limit in llm-integration holds back).
    /// </summary>
    public int ConcurrentChunks
    {
        get
        {
            var chunks = Math.Max(1, WorkerConcurrency / ChunkSize);
            return chunks >= 4 ? chunks + 1 : chunks;
        }
    }

    public IEnumerable<GenerateResponses> Commands(Guid runId, string tenantId, IEnumerable<Guid> workItemIds) =>
        workItemIds.Chunk(ChunkSize).Select(ids => new GenerateResponses(runId, tenantId, ids));
}
