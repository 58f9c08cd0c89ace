using LlmLab.Knowledge.Domain;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Knowledge.Data;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<KnowledgeDocument>
{
    public void Configure(EntityTypeBuilder<KnowledgeDocument> e)
    {
        e.ToTable("documents");
        e.HasKey(x => x.Id);
        e.Property(x => x.TenantId).HasMaxLength(100);
        e.Property(x => x.Collection).HasMaxLength(TextRules.MaxName);
        e.Property(x => x.Title).HasMaxLength(TextRules.MaxName);
        e.Property(x => x.ContentType).HasMaxLength(20);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.EmbeddingModel).HasMaxLength(2 * TextRules.MaxModel + 1);
        e.HasMany(x => x.Chunks).WithOne().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
        // Versions of one title are numbered 1, 2, … within a collection; the advisory lock in DocumentStore orders writers.
        e.HasIndex(x => new { x.TenantId, x.Collection, x.Title, x.Version }).IsUnique();
        e.HasIndex(x => new { x.TenantId, x.CreatedAt });
    }
}
