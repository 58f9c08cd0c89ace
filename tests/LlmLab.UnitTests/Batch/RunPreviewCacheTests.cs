using LlmLab.Batch.Apis;
using LlmLab.Batch.Domain;
using Xunit;

namespace LlmLab.UnitTests.Batch;

public sealed class RunPreviewCacheTests
{
    private static BatchRun Run(int completed = 10, int failed = 0, RunStatus status = RunStatus.Completed, int revision = 0) => new()
    {
        Id = Guid.Parse("0190f2a4-0000-7000-8000-000000000001"), TenantId = "t", Name = "n", Prompt = "p", Provider = "local", Model = "m",
        TotalItems = 10, CompletedItems = completed, FailedItems = failed, Status = status, ScoreRevision = revision,
    };

    [Fact]
    public async Task Unchanged_run_row_reads_once()
    {
        using var cache = new RunPreviewCache();
        var reads = 0;
        for (var i = 0; i < 5; i++) await cache.GetOrReadAsync(Run(), "preview", () => Task.FromResult($"read {++reads}"));
        Assert.Equal(1, reads);
    }

    public static TheoryData<BatchRun> Changed => new()
    {
        Run(completed: 9, failed: 1),
        Run(completed: 11),
        Run(status: RunStatus.Cancelled),
        Run(revision: 1),
    };

    [Theory]
    [MemberData(nameof(Changed))]
    public async Task Counters_status_or_score_revision_moving_reads_again(BatchRun changed)
    {
        using var cache = new RunPreviewCache();
        Assert.Equal("first", await cache.GetOrReadAsync(Run(), "preview", () => Task.FromResult("first")));
        Assert.Equal("second", await cache.GetOrReadAsync(changed, "preview", () => Task.FromResult("second")));
    }

    [Fact]
    public async Task Parts_are_kept_apart()
    {
        using var cache = new RunPreviewCache();
        await cache.GetOrReadAsync(Run(), "preview", () => Task.FromResult("preview"));
        Assert.Equal("failures", await cache.GetOrReadAsync(Run(), "failures", () => Task.FromResult("failures")));
    }

    [Fact]
    public async Task A_failed_read_is_not_kept()
    {
        using var cache = new RunPreviewCache();
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrReadAsync<string>(Run(), "preview", () => throw new InvalidOperationException()));
        Assert.Equal("ok", await cache.GetOrReadAsync(Run(), "preview", () => Task.FromResult("ok")));
    }
}
