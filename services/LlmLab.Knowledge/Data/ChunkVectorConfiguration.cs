using LlmLab.Knowledge.Domain;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Knowledge.Data;

internal sealed class ChunkVectorConfiguration : IEntityTypeConfiguration<ChunkVector>
{
    public void Configure(EntityTypeBuilder<ChunkVector> e)
    {
        e.ToTable("chunk_vectors");
        e.HasKey(x => x.ChunkId);
        e.Property(x => x.TenantId).HasMaxLength(100);
        e.Property(x => x.Collection).HasMaxLength(TextRules.MaxName);
        e.HasOne<KnowledgeChunk>().WithOne().HasForeignKey<ChunkVector>(x => x.ChunkId).OnDelete(DeleteBehavior.Cascade);
        // A probe reads one tenant's rows of a few lists.
        e.HasIndex(x => new { x.TenantId, x.ListNo });
    }
}
