using LlmLab.Knowledge;
using LlmLab.Knowledge.Retrieval;

namespace LlmLab.UnitTests.Knowledge;

/// <summary>The built-in embedding trained on a knowledge base (random indexing with context vectors) and when it is refitted.</summary>
public class TrainedEmbeddingTests
{
    // Pets and engines: "kitten" and "cat", "motor" and "engine" never share a chunk or letters, only their contexts.
    private static readonly string[] Corpus =
    [
        "The cat drinks warm milk and purrs softly on the sofa.",
        "The kitten drinks warm milk and purrs softly on the rug.",
        "A cat has soft fur, chases mice and sleeps in the sun.",
        "A kitten has soft fur, chases mice and sleeps in a basket.",
        "Our cat purrs when we stroke its soft fur.",
        "The kitten purrs when children stroke its soft fur.",
        "The engine burns diesel fuel and drives the heavy piston.",
        "The motor burns diesel fuel and drives the heavy crankshaft.",
        "An engine needs oil, fuel and a cooling radiator to run.",
        "A motor needs oil, fuel and a cooling fan to run.",
        "The mechanic repaired the engine valves and the fuel pump.",
        "The mechanic repaired the motor valves and the fuel injector.",
    ];

    private static readonly TrainedEmbeddingModel Model = TrainedEmbeddingModel.Fit(Corpus, 256);

    [Fact]
    public void Words_used_in_the_same_contexts_are_closer_than_words_from_another_topic()
    {
        Assert.True(Model.Similarity("kitten", "cat") > Model.Similarity("kitten", "engine") + 0.3,
            $"kitten~cat {Model.Similarity("kitten", "cat"):F3}, kitten~engine {Model.Similarity("kitten", "engine"):F3}");
        Assert.True(Model.Similarity("motor", "engine") > Model.Similarity("motor", "cat") + 0.3,
            $"motor~engine {Model.Similarity("motor", "engine"):F3}, motor~cat {Model.Similarity("motor", "cat"):F3}");
    }

    [Fact]
    public void A_query_finds_the_related_text_although_they_share_no_word_which_the_fixed_embedding_cannot()
    {
        var fixedEmbedding = new LocalEmbeddingGenerator(256);
        var (query, related, unrelated) = ("kitten", "cat", "engine");

        var trained = VectorCodec.Dot(Model.Embed(query), Model.Embed(related)) - VectorCodec.Dot(Model.Embed(query), Model.Embed(unrelated));
        var untrained = VectorCodec.Dot(fixedEmbedding.Embed(query), fixedEmbedding.Embed(related)) - VectorCodec.Dot(fixedEmbedding.Embed(query), fixedEmbedding.Embed(unrelated));

        Assert.True(trained > 0.2, $"trained margin {trained:F3}");
        Assert.True(trained > untrained + 0.2, $"trained margin {trained:F3}, fixed margin {untrained:F3}");
    }

    [Fact]
    public void Unknown_words_fall_back_to_the_fixed_embedding_and_vectors_are_normalised()
    {
        var fixedEmbedding = new LocalEmbeddingGenerator(256);
        var unseen = Model.Embed("zeppelin quantum");

        Assert.Equal(fixedEmbedding.Embed("zeppelin quantum"), unseen);
        Assert.Equal(1, Math.Sqrt(VectorCodec.Dot(Model.Embed("cat milk"), Model.Embed("cat milk"))), 5);
    }

    [Fact]
    public void A_stored_model_loads_in_another_process_as_the_same_model()
    {
        var loaded = TrainedEmbeddingModel.FromBytes(Model.ToBytes());

        Assert.Equal(Model.TermCount, loaded.TermCount);
        Assert.Equal(Model.Embed("the kitten purrs"), loaded.Embed("the kitten purrs"));
        Assert.Equal(Model.ToBytes(), TrainedEmbeddingModel.Fit(Corpus, 256).ToBytes());
    }

    [Fact]
    public void Words_in_fewer_than_two_chunks_are_left_out_of_the_vocabulary()
    {
        Assert.Equal(0, Model.Similarity("sofa", "rug"));
        Assert.NotEqual(0, Model.Similarity("fur", "milk"));
    }

    [Theory]
    [InlineData(199, null, false)]
    [InlineData(200, null, true)]
    [InlineData(299, 200L, false)]
    [InlineData(300, 200L, true)]
    [InlineData(267, 400L, false)]
    [InlineData(266, 400L, true)]
    [InlineData(150, 400L, false)]
    public void It_is_fitted_from_the_minimum_on_and_refitted_when_the_count_changes_by_half_while_above_the_minimum(long count, long? fittedOn, bool due) =>
        Assert.Equal(due, EmbeddingRefitter.Due(count, fittedOn, new KnowledgeOptions()));
}
