using LlmLab.Knowledge.Domain;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Knowledge.Data;

internal sealed class ChunkEmbeddingConfiguration : IEntityTypeConfiguration<ChunkEmbedding>
{
    public void Configure(EntityTypeBuilder<ChunkEmbedding> e)
    {
        e.ToTable("chunk_embeddings");
        e.HasKey(x => new { x.ChunkId, x.Model });
        e.Property(x => x.Model).HasMaxLength(2 * TextRules.MaxModel + 1);
        e.Property(x => x.TenantId).HasMaxLength(100);
        e.Property(x => x.Collection).HasMaxLength(TextRules.MaxName);
        e.HasOne<KnowledgeChunk>().WithMany().HasForeignKey(x => x.ChunkId).OnDelete(DeleteBehavior.Cascade);
        // A search reads one tenant's rows of one model.
        e.HasIndex(x => new { x.TenantId, x.Model });
    }
}
