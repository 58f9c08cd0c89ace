using LlmLab.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Identity.Data;

internal sealed class TenantErasureConfiguration : IEntityTypeConfiguration<TenantErasure>
{
    public void Configure(EntityTypeBuilder<TenantErasure> e)
    {
        e.ToTable("tenant_erasures");
        e.HasKey(x => x.Id);
        e.Property(x => x.TenantId).HasMaxLength(100);
        e.Property(x => x.RequestedBy).HasMaxLength(200);
        e.HasIndex(x => x.TenantId);
    }
}
