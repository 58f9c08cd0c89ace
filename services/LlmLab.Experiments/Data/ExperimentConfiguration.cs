using LlmLab.Experiments.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Experiments.Data;

internal sealed class ExperimentConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> e)
    {
        e.ToTable("experiments");
        e.HasKey(x => x.Id);
        e.Property(x => x.TenantId).HasMaxLength(100);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Provider).HasMaxLength(100);
        e.Property(x => x.Model).HasMaxLength(200);
        e.Property(x => x.JudgeProvider).HasMaxLength(100);
        e.Property(x => x.JudgeModel).HasMaxLength(200);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(x => new { x.TenantId, x.CreatedAt });
        e.HasIndex(x => new { x.TenantId, x.CreatedBy });
        e.HasQueryFilter(x => x.DeletedAt == null);
    }
}
