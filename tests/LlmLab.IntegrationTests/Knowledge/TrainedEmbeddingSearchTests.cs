using System.Text;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests.Knowledge;

/// <summary>
/// The built-in embedding trained on a tenant's knowledge base: once the tenant has more than
/// Knowledge:TrainedEmbeddingMinVectors (200) chunks, dense search finds a text by a word it does not contain but that
/// the tenant's documents use in the same contexts ("kitten" → "The cat purrs."). Runs as tenant evaluation-b, whose
/// dense results no other test relies on (the model changes every vector of its tenant).
/// </summary>
[Collection(PlatformCollection.Name)]
public class TrainedEmbeddingSearchTests(PlatformFixture platform)
{
    // 300 sentences: the chunker packs a few short pairs into one 100-character chunk (240 sentences made 193 chunks),
    // so there are enough for well over the 200 chunks the model needs.
    private static readonly string[] Places =
    [
        "in the garden behind the old house", "near the red barn at the farm", "by the old gate of the orchard", "under the stone bridge in town",
        "at the far end of the long lane", "in the busy square of the city", "by the slow river near the mill", "on the green hill above the village",
        "beside the quiet pond in the meadow", "inside the wooden shed by the road",
    ];

    private static readonly (string[] Subjects, string[] Phrases)[] Topics =
    [
        (["cat", "kitten"], ["drinks warm milk", "purrs on the sofa", "chases a small mouse", "sleeps in the sun", "licks its soft fur"]),
        (["engine", "motor"], ["burns diesel fuel", "turns the crankshaft", "needs fresh oil", "drives the piston", "overheats in traffic"]),
        (["sparrow", "finch"], ["sings at dawn", "builds a twig nest", "eats small seeds", "flies over hedges", "bathes in puddles"]),
    ];

    [Fact]
    public async Task Dense_search_finds_texts_by_words_the_tenants_documents_use_in_the_same_contexts()
    {
        var api = new KnowledgeApi(platform.CreateClient(PlatformFixture.EvaluationOtherApiKey));
        var corpus = new StringBuilder();
        foreach (var (subjects, phrases) in Topics)
            foreach (var subject in subjects)
                foreach (var phrase in phrases)
                    foreach (var place in Places)
                        corpus.Append($"The {subject} {phrase} {place}.\n\n");
        var uploaded = await api.UploadAsync(Encoding.UTF8.GetBytes(corpus.ToString()), "farm-life.txt", $"ri-{Guid.NewGuid():N}"[..20],
            ("chunk_size", "100"), ("chunk_overlap", "0"));
        Assert.True(uploaded.GetProperty("chunks").GetInt32() >= 200, $"{uploaded.GetProperty("chunks")} chunks");

        var probes = $"probe-{Guid.NewGuid():N}"[..20];
        var cats = (await api.UploadAsync(Encoding.UTF8.GetBytes("The cat purrs."), "cats.txt", probes)).GetProperty("id").GetGuid();
        var engines = (await api.UploadAsync(Encoding.UTF8.GetBytes("The engine needs oil."), "engines.txt", probes)).GetProperty("id").GetGuid();
        var birds = (await api.UploadAsync(Encoding.UTF8.GetBytes("The sparrow sings."), "birds.txt", probes)).GetProperty("id").GetGuid();

        // The model is fitted in the background after the upload; each query names a word absent from every probe.
        var expected = new[] { ("kitten", cats), ("motor", engines), ("finch", birds) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        List<(string Query, Guid Found)> found;
        do
        {
            found = [];
            foreach (var (query, _) in expected) found.Add((query, (await api.DocumentsFoundAsync(query, probes, "dense", topK: 1))[0]));
            if (found.Select(f => f.Found).SequenceEqual(expected.Select(e => e.Item2))) return;
            await Task.Delay(1_000);
        } while (DateTime.UtcNow < deadline);
        Assert.Fail($"dense search still ranks by letters only: {string.Join(", ", found.Select(f => $"{f.Query} → {f.Found}"))}");
    }
}
