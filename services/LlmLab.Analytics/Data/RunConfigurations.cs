using LlmLab.Analytics.Gates;
using LlmLab.Analytics.Runs;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Analytics.Data;

internal sealed class FinishedRunConfiguration : IEntityTypeConfiguration<FinishedRun>
{
    public void Configure(EntityTypeBuilder<FinishedRun> e)
    {
        e.ToTable("finished_runs");
        e.HasKey(x => x.RunId);
        e.Property(x => x.Status).HasMaxLength(40);
        e.HasIndex(x => x.ReceivedAt).HasFilter("processed_at IS NULL").HasDatabaseName("ix_finished_runs_pending");
        e.HasIndex(x => new { x.TenantId, x.ExperimentId, x.FinishedAt });
        e.Ignore(x => x.FailureRate);
    }
}

internal sealed class GateDefinitionConfiguration : IEntityTypeConfiguration<GateDefinition>
{
    public void Configure(EntityTypeBuilder<GateDefinition> e)
    {
        e.ToTable("gate_definitions");
        e.HasKey(x => new { x.TenantId, x.ExperimentId });
        e.Property(x => x.Checks).HasJson();
        e.Property(x => x.RegressionMetric).HasMaxLength(64);
    }
}

internal sealed class GateResultConfiguration : IEntityTypeConfiguration<GateResult>
{
    public void Configure(EntityTypeBuilder<GateResult> e)
    {
        e.ToTable("gate_results");
        e.HasKey(x => x.RunId);
        e.HasIndex(x => new { x.TenantId, x.ExperimentId });
        e.Property(x => x.RunStatus).HasMaxLength(40);
        e.Property(x => x.Checks).HasJson();
    }
}
