using LlmLab.Knowledge.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Knowledge.Data;

internal sealed class VectorIndexStateConfiguration : IEntityTypeConfiguration<VectorIndexState>
{
    public void Configure(EntityTypeBuilder<VectorIndexState> e)
    {
        e.ToTable("vector_index_states");
        e.HasKey(x => x.TenantId);
        e.Property(x => x.TenantId).HasMaxLength(100);
    }
}
