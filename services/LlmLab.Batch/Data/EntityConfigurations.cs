using LlmLab.Batch.Domain;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Batch.Data;

internal sealed class BatchRunConfiguration : IEntityTypeConfiguration<BatchRun>
{
    public void Configure(EntityTypeBuilder<BatchRun> e)
    {
        e.ToTable("batch_runs");
        e.HasKey(x => x.Id);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.TenantId, x.ExperimentId });
        e.HasIndex(x => new { x.TenantId, x.CreatedBy });
    }
}

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> e)
    {
        e.ToTable("work_items");
        e.HasKey(x => x.Id);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(x => new { x.RunId, x.Status });
    }
}

internal sealed class StoredResponseConfiguration : IEntityTypeConfiguration<StoredResponse>
{
    public void Configure(EntityTypeBuilder<StoredResponse> e)
    {
        e.ToTable("responses");
        e.HasKey(x => x.Id);
        // The guarantee behind "a redelivered command never makes a second row".
        e.HasIndex(x => x.WorkItemId).IsUnique();
        e.HasIndex(x => new { x.TenantId, x.ExperimentId, x.CreatedAt });
        e.HasIndex(x => x.RunId);
        e.HasOne(x => x.Metrics).WithOne().HasForeignKey<ResponseMetrics>(m => m.ResponseId);
        e.Ignore(x => x.ErrorKind);
    }
}

internal sealed class ResponseMetricsConfiguration : IEntityTypeConfiguration<ResponseMetrics>
{
    public void Configure(EntityTypeBuilder<ResponseMetrics> e)
    {
        e.ToTable("response_metrics");
        e.HasKey(x => x.ResponseId);
        e.Property(x => x.All).HasJsonMap();
        e.Property(x => x.Errors).HasJsonMap();
        e.Property(x => x.Details).HasJsonMap();
        e.Property(x => x.AnalysisVersion).HasMaxLength(20);
    }
}
