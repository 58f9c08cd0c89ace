using LlmLab.Analytics.Domain;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.Data;

public sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options) : DbContext(options)
{
    public DbSet<ScoredResponse> ScoredResponses => Set<ScoredResponse>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ScoredResponse>(e =>
        {
            e.ToTable("scored_responses");
            e.HasKey(x => x.ResponseId);
            e.HasIndex(x => x.MessageId).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.CreatedAt });
            e.HasIndex(x => new { x.TenantId, x.RunId, x.ItemKey });
            e.HasIndex(x => new { x.TenantId, x.RunId, x.ItemIdentity });
            e.HasIndex(x => new { x.TenantId, x.ExperimentId });
            e.Property(x => x.Metrics).HasJsonMap();
        });
    }
}
