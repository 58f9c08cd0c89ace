using LlmLab.Batch.Domain;
using LlmLab.Messaging;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Data;

public sealed class BatchDbContext(DbContextOptions<BatchDbContext> options) : DbContext(options), IOutboxDbContext
{
    public DbSet<BatchRun> Runs => Set<BatchRun>();
    public DbSet<WorkItem> WorkItems => Set<WorkItem>();
    public DbSet<StoredResponse> Responses => Set<StoredResponse>();
    public DbSet<ResponseMetrics> Metrics => Set<ResponseMetrics>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BatchDbContext).Assembly);
        modelBuilder.AddOutbox();
    }
}
