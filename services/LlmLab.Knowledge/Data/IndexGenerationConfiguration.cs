using LlmLab.Knowledge.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Knowledge.Data;

internal sealed class IndexGenerationConfiguration : IEntityTypeConfiguration<IndexGeneration>
{
    /// <summary>Generations come from one sequence (IndexSync/IndexGenerations.cs names it in its SQL).</summary>
    public const string Sequence = "index_generation_seq";

    public void Configure(EntityTypeBuilder<IndexGeneration> e)
    {
        e.ToTable("index_generations");
        e.HasKey(x => x.TenantId);
        e.Property(x => x.TenantId).HasMaxLength(100);
    }
}
