using LlmLab.Knowledge.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Knowledge.Data;

internal sealed class IndexChangeConfiguration : IEntityTypeConfiguration<IndexChange>
{
    public void Configure(EntityTypeBuilder<IndexChange> e)
    {
        e.ToTable("index_changes");
        // A replica reads one tenant's changes after its generation, in order.
        e.HasKey(x => new { x.TenantId, x.Generation });
        e.Property(x => x.TenantId).HasMaxLength(100);
    }
}
