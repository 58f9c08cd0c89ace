using LlmLab.Knowledge.Domain;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Knowledge.Data;

public sealed class KnowledgeDbContext(DbContextOptions<KnowledgeDbContext> options) : DbContext(options)
{
    public DbSet<KnowledgeDocument> Documents => Set<KnowledgeDocument>();
    public DbSet<KnowledgeChunk> Chunks => Set<KnowledgeChunk>();
    public DbSet<ChunkVector> Vectors => Set<ChunkVector>();
    public DbSet<ChunkEmbedding> Embeddings => Set<ChunkEmbedding>();
    public DbSet<VectorList> VectorLists => Set<VectorList>();
    public DbSet<VectorIndexState> VectorIndexStates => Set<VectorIndexState>();
    public DbSet<TrainedEmbedding> TrainedEmbeddings => Set<TrainedEmbedding>();
    public DbSet<IndexGeneration> IndexGenerations => Set<IndexGeneration>();
    public DbSet<IndexChange> IndexChanges => Set<IndexChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasSequence<long>(IndexGenerationConfiguration.Sequence);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KnowledgeDbContext).Assembly);
    }
}
