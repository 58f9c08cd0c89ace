extern alias evaluation;
using evaluation::LlmLab.Evaluation.Domain;
using evaluation::LlmLab.Evaluation.Methods;
using evaluation::LlmLab.Evaluation.Workers;
using static LlmLab.UnitTests.Evaluation.EvaluationFixtures;

namespace LlmLab.UnitTests.Evaluation;

/// <summary>RAG against the in-process fake of the knowledge gRPC service: mode per method, top_k, chunk size, chunks stored, hits ranked.</summary>
public class RagMethodTests
{
    [Theory]
    [InlineData(MethodKind.Rag, "bm25", false)]
    [InlineData(MethodKind.RagHybrid, "hybrid", false)]
    [InlineData(MethodKind.RagRerank, "hybrid", true)]
    public async Task Each_rag_method_asks_for_its_mode_and_shows_the_model_the_cut_chunks(MethodKind kind, string mode, bool rerank)
    {
        var knowledge = Articles();
        var model = new ScriptedModel(" Fe");
        var rag = new RagMethod(model, KnowledgeClientOf(knowledge));

        var outcome = await rag.RunAsync(Input(kind, "What is the chemical symbol of iron?", ["Fe"], new MethodOptions(TopK: 2, ChunkSize: 60)), default);

        var (tenant, request) = Assert.Single(knowledge.Retrieves);
        Assert.Equal(("tenant-a", mode, rerank, 2), (tenant, request.Mode, request.Rerank, request.TopK));
        Assert.Equal(2, outcome.Retrieved.Count);
        Assert.All(outcome.Retrieved, c => Assert.True(c.Text.Length <= 60));
        Assert.Contains("[1] Iron: Iron is a chemical element.", model.Prompts[0]);
        Assert.Equal("Fe", outcome.Extracted);
    }

    [Fact]
    public void The_first_hit_is_the_rank_of_the_first_chunk_from_a_supporting_facts_document()
    {
        List<RetrievedPassage> retrieved = [new("c1", "d1", "Helium", "…", 3), new("c2", "d2", "iron.txt", "…", 2)];
        Assert.Equal(2, RetrievalHits.FirstHitRank(retrieved, [new("Iron", "The symbol of iron is Fe.")]));
        Assert.Equal(1, RetrievalHits.FirstHitRank([new("c", "d", "Other", "so the symbol of iron is fe. yes", 1)], [new("", "The symbol of iron is Fe.")]));
        Assert.Equal(0, RetrievalHits.FirstHitRank(retrieved, [new("Cobalt", "x")]));
        Assert.Null(RetrievalHits.FirstHitRank(retrieved, []));
    }
}
