using LlmLab.Knowledge.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Knowledge.Data;

internal sealed class TrainedEmbeddingConfiguration : IEntityTypeConfiguration<TrainedEmbedding>
{
    public void Configure(EntityTypeBuilder<TrainedEmbedding> e)
    {
        e.ToTable("trained_embeddings");
        e.HasKey(x => x.TenantId);
        e.Property(x => x.TenantId).HasMaxLength(100);
    }
}
