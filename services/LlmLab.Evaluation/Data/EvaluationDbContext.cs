using LlmLab.Evaluation.Domain;
using LlmLab.Messaging;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Evaluation.Data;

public sealed class EvaluationDbContext(DbContextOptions<EvaluationDbContext> options) : DbContext(options), IOutboxDbContext
{
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<DatasetVersion> DatasetVersions => Set<DatasetVersion>();
    public DbSet<DatasetItem> DatasetItems => Set<DatasetItem>();
    public DbSet<Domain.Evaluation> Evaluations => Set<Domain.Evaluation>();
    public DbSet<EvaluationItem> EvaluationItems => Set<EvaluationItem>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EvaluationDbContext).Assembly);
        modelBuilder.AddOutbox();
    }
}
