using LlmLab.Knowledge.Domain;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Knowledge.Data;

internal sealed class ChunkConfiguration : IEntityTypeConfiguration<KnowledgeChunk>
{
    public void Configure(EntityTypeBuilder<KnowledgeChunk> e)
    {
        e.ToTable("chunks");
        e.HasKey(x => x.Id);
        e.Property(x => x.TenantId).HasMaxLength(100);
        e.Property(x => x.Collection).HasMaxLength(TextRules.MaxName);
        e.HasIndex(x => new { x.DocumentId, x.Ordinal }).IsUnique();
        e.HasIndex(x => x.TenantId);
    }
}
