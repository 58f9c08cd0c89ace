using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>Reference metrics and run comparison through the gateway: empty answers, corpus BLEU, pairing by item identity.</summary>
[Collection(PlatformCollection.Name)]
public class ReferenceMetricsAndPairingTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    private static object Grid(string name, double temperatureMin, double temperatureMax) => new
    {
        name,
        prompt = "Explain how rain forms in clouds and why it falls.",
        provider = "simulated",
        model = "simulated-0ms",
        temperature_min = temperatureMin, temperature_max = temperatureMax, temperature_step = 0.4,
        top_p_min = 1.0, top_p_max = 1.0, top_p_step = 0.25,
        max_tokens = 40,
        response_count = 2,
    };

    private async Task<Guid> RunAsync(object grid, int items)
    {
        var runId = await _api.GenerateAsync(await _api.CreateExperimentAsync(grid));
        await _api.WaitForRunAsync(runId, TimeSpan.FromMinutes(2));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var breakdown = await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/analytics/quality/breakdown?batch_id={runId}"), HttpStatusCode.OK);
            if (breakdown.GetProperty("sample_size").GetInt32() >= items) break;
            await Task.Delay(200);
        }
        return runId;
    }

    [Fact]
    public async Task Runs_of_different_grids_pair_only_their_shared_items_or_are_refused()
    {
        // A: temperatures 0.2, 0.6, 1.0; B: 0.6, 1.0, 1.4 — shared: 0.6 and 1.0, two repetitions each. C: 1.8 only.
        var a = await RunAsync(Grid("pair-a", 0.2, 1.0), 6);
        var b = await RunAsync(Grid("pair-b", 0.6, 1.4), 6);
        var c = await RunAsync(Grid("pair-c", 1.8, 1.8), 2);

        var comparison = await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/analytics/methods/comparison?run_a={a}&run_b={b}"), HttpStatusCode.OK);
        Assert.Equal(4, comparison.GetProperty("pairs").GetInt32());
        Assert.Equal(2, comparison.GetProperty("unpaired_a").GetInt32());
        Assert.Equal(2, comparison.GetProperty("unpaired_b").GetInt32());
        Assert.Equal("item_identity", comparison.GetProperty("paired_by").GetString());
        // Grid position 1 is 0.6 in A but 1.0 in B: the pairs join different positions.
        Assert.All(comparison.GetProperty("items").EnumerateArray(), i => Assert.Contains(" ~ ", i.GetProperty("item_key").GetString()));

        var refused = await _api.Client.GetAsync($"/api/analytics/methods/comparison?run_a={a}&run_b={c}");
        await PlatformApi.ExpectProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "run_b");
    }

    [Fact]
    public async Task An_empty_answer_scores_zero_against_references_and_corpus_bleu_matches_sacrebleu()
    {
        var analyzed = await PlatformApi.ReadAsync(await _api.Client.PostAsJsonAsync("/api/quality/analyze",
            new { text = "", references = new[] { "Paris", "the city of Paris" } }), HttpStatusCode.OK);
        var metrics = analyzed.GetProperty("metrics");
        foreach (var name in new[] { "exact_match", "f1", "bleu", "rouge_l", "rouge_l_stemmed", "substring_match" })
            Assert.Equal(0, metrics.GetProperty(name).GetDouble());

        var exact = await PlatformApi.ReadAsync(await _api.Client.PostAsJsonAsync("/api/quality/analyze",
            new { text = "U.S.A.", references = new[] { "USA" } }), HttpStatusCode.OK);
        Assert.Equal(100, exact.GetProperty("metrics").GetProperty("exact_match").GetDouble());

        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/quality/analyze", new { text = "" }),
            HttpStatusCode.UnprocessableEntity, "text");

        // sacreBLEU's README example: 48.530827.
        var corpus = await PlatformApi.ReadAsync(await _api.Client.PostAsJsonAsync("/api/quality/corpus-bleu", new
        {
            segments = new object[]
            {
                new { hypothesis = "The dog bit the man.", references = new[] { "The dog bit the man.", "The dog had bit the man." } },
                new { hypothesis = "It wasn't surprising.", references = new[] { "It was not unexpected.", "No one was surprised." } },
                new { hypothesis = "The man had just bitten him.", references = new[] { "The man bit him first.", "The man had bitten the dog." } },
            },
        }), HttpStatusCode.OK);
        Assert.Equal(48.530827, corpus.GetProperty("score").GetDouble(), 6);
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/quality/corpus-bleu",
            new { segments = new[] { new { hypothesis = "x", references = new[] { "" } } } }), HttpStatusCode.UnprocessableEntity, "segments[0].references");
    }
}
