using LlmLab.Knowledge.Retrieval;

namespace LlmLab.UnitTests.Knowledge;

public class RetrievalTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    private static List<ScoredChunk> Ranking(params Guid[] ids) => ids.Select((id, i) => new ScoredChunk(id, 100 - i)).ToList();

    [Fact]
    public void Rrf_sums_reciprocal_ranks_so_agreement_wins()
    {
        var fused = ReciprocalRankFusion.Fuse([Ranking(A, B, C), Ranking(B, C, A)], k: 60);
        // B: 1/62 + 1/61; A: 1/61 + 1/63; C: 1/63 + 1/62.
        Assert.Equal([B, A, C], fused.Select(f => f.ChunkId));
        Assert.Equal(1.0 / 62 + 1.0 / 61, fused[0].Score, 12);
    }

    [Fact]
    public void Rrf_keeps_items_found_by_one_retriever_only_and_breaks_ties_by_first_appearance()
    {
        var fused = ReciprocalRankFusion.Fuse([Ranking(A), Ranking(C)], k: 60);
        Assert.Equal([A, C], fused.Select(f => f.ChunkId));
        Assert.Equal(fused[0].Score, fused[1].Score);
        Assert.Empty(ReciprocalRankFusion.Fuse([[], []]));
    }

    [Fact]
    public void The_reranker_prefers_chunks_holding_all_query_terms_close_together()
    {
        var reranked = LexicalReranker.Rerank("solar panel efficiency",
        [
            (A, "Wind turbines and hydro dams."),
            (B, "Solar power is growing; panel prices fell, and efficiency is a separate topic entirely."),
            (C, "Solar panel efficiency improved by two points."),
        ]);
        Assert.Equal([C, B, A], reranked.Select(r => r.ChunkId));
        Assert.Equal(0, reranked[2].Score);
    }

    [Fact]
    public void The_local_embedding_is_deterministic_normalised_and_similar_for_related_text()
    {
        var generator = new LocalEmbeddingGenerator(256);
        var river = generator.Embed("The river floods the valley every spring.");
        Assert.Equal(river, new LocalEmbeddingGenerator(256).Embed("The river floods the valley every spring."));
        Assert.Equal(1.0, VectorCodec.Dot(river, river), 4);
        var related = generator.Embed("Spring floods: rivers overflowing into valleys.");
        var unrelated = generator.Embed("Quarterly tax filing deadlines for companies.");
        Assert.True(VectorCodec.Dot(river, related) > VectorCodec.Dot(river, unrelated) + 0.2,
            $"related {VectorCodec.Dot(river, related)}, unrelated {VectorCodec.Dot(river, unrelated)}");
    }

    [Fact]
    public void Spherical_kmeans_separates_clear_clusters()
    {
        var random = new Random(1);
        float[] Around(float x, float y)
        {
            var v = new[] { x + (float)random.NextDouble() * 0.1f, y + (float)random.NextDouble() * 0.1f, 0.05f };
            VectorCodec.Normalise(v);
            return v;
        }
        var points = Enumerable.Range(0, 50).Select(_ => Around(1, 0)).Concat(Enumerable.Range(0, 50).Select(_ => Around(0, 1))).ToList();
        var centroids = SphericalKMeans.Train(points, 2, 8, seed: 7);
        var first = VectorIndex.Nearest(centroids, points[0]);
        Assert.All(points.Take(50), p => Assert.Equal(first, VectorIndex.Nearest(centroids, p)));
        Assert.All(points.Skip(50), p => Assert.NotEqual(first, VectorIndex.Nearest(centroids, p)));
    }
}
