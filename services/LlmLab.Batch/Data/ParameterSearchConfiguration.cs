using LlmLab.Batch.Domain;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Batch.Data;

internal sealed class ParameterSearchConfiguration : IEntityTypeConfiguration<ParameterSearch>
{
    public void Configure(EntityTypeBuilder<ParameterSearch> e)
    {
        e.ToTable("parameter_searches");
        e.HasKey(x => x.Id);
        e.Property(x => x.Strategy).HasMaxLength(40);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.StopReason).HasMaxLength(300);
        e.Property(x => x.Rounds).HasJson();
        e.Property(x => x.Trajectory).HasJson();
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.TenantId, x.BatchId });
        e.HasIndex(x => x.State);
    }
}
