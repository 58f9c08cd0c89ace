using LlmLab.Analytics.EvaluationGates;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Analytics.Data;

internal sealed class FinishedEvaluationConfiguration : IEntityTypeConfiguration<FinishedEvaluation>
{
    public void Configure(EntityTypeBuilder<FinishedEvaluation> e)
    {
        e.ToTable("finished_evaluations");
        e.HasKey(x => x.EvaluationId);
        e.Property(x => x.Status).HasMaxLength(40);
        e.HasIndex(x => x.ReceivedAt).HasFilter("processed_at IS NULL").HasDatabaseName("ix_finished_evaluations_pending");
        e.HasIndex(x => new { x.TenantId, x.DatasetId, x.FinishedAt });
    }
}

internal sealed class EvaluationGateDefinitionConfiguration : IEntityTypeConfiguration<EvaluationGateDefinition>
{
    public void Configure(EntityTypeBuilder<EvaluationGateDefinition> e)
    {
        e.ToTable("evaluation_gate_definitions");
        e.HasKey(x => new { x.TenantId, x.EvaluationId });
        e.Property(x => x.Checks).HasJson();
    }
}
