using LlmLab.Batch.Workers;
using Microsoft.Extensions.Configuration;

namespace LlmLab.UnitTests.Batch;

public class WorkChunkingTests
{
    private static WorkChunking With(int workerConcurrency, int? chunkSize = null)
    {
        var settings = new Dictionary<string, string?> { ["Batch:WorkerConcurrency"] = workerConcurrency.ToString() };
        if (chunkSize is { } size) settings["Batch:ChunkSize"] = size.ToString();
        return new WorkChunking(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }

    [Fact]
    public void A_run_of_100_items_becomes_chunks_of_32_32_32_and_4_with_every_item_once()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()).ToList();
        var runId = Guid.NewGuid();

        var commands = With(64).Commands(runId, "t1", ids).ToList();

        Assert.Equal([32, 32, 32, 4], commands.Select(c => c.WorkItemIds.Count));
        Assert.Equal(ids, commands.SelectMany(c => c.WorkItemIds));
        Assert.All(commands, c => Assert.Equal((runId, "t1"), (c.RunId, c.TenantId)));
    }

    [Theory]
    [InlineData(64, 16, 16, 5)]   // four chunks keep 64 calls in flight, a fifth overlaps scoring and recording
    [InlineData(256, 16, 16, 17)]
    [InlineData(4, 16, 4, 1)]     // a chunk never holds more calls than the worker runs at once
    [InlineData(32, 16, 16, 2)]   // under four chunks: no extra one, the worker's concurrency holds exactly
    [InlineData(256, null, 32, 9)] // the default size
    [InlineData(64, null, 32, 2)]
    public void Chunk_size_and_chunks_at_once_follow_the_worker_concurrency(int workerConcurrency, int? configured, int chunkSize, int chunksAtOnce)
    {
        var chunking = With(workerConcurrency, configured);

        Assert.Equal(chunkSize, chunking.ChunkSize);
        Assert.Equal(chunksAtOnce, chunking.ConcurrentChunks);
    }
}
