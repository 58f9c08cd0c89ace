using LlmLab.Knowledge.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Knowledge.Data;

internal sealed class VectorListConfiguration : IEntityTypeConfiguration<VectorList>
{
    public void Configure(EntityTypeBuilder<VectorList> e)
    {
        e.ToTable("vector_lists");
        e.HasKey(x => new { x.TenantId, x.ListNo });
        e.Property(x => x.TenantId).HasMaxLength(100);
    }
}
