using System.ClientModel;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;
using LlmLab.TestKit;
using OpenAI;
using OpenAI.Embeddings;

namespace LlmLab.IntegrationTests.Knowledge;

/// <summary>
/// Embeddings of a tenant's own OpenAI-compatible provider (the test kit's fake server): through /v1/embeddings and
/// the OpenAI SDK, into a knowledge base at upload and back out of dense and hybrid search; refusals name the field,
/// a failing provider writes nothing, and the provider's key reaches the provider only.
/// </summary>
[Collection(PlatformCollection.Name)]
public class ProviderEmbeddingsTests(PlatformFixture platform)
{
    private const string Model = "embed-fake";
    private readonly HttpClient _client = SlowTolerant(platform.CreateClient(ProviderTenants.KeyA));

    /// <summary>A failing provider is retried by llm-integration (with backoff) before knowledge answers 502; allow for a loaded machine.</summary>
    private static HttpClient SlowTolerant(HttpClient client)
    {
        client.Timeout = TimeSpan.FromMinutes(3);
        return client;
    }

    [Fact]
    public async Task Provider_vectors_flow_through_embeddings_upload_and_search_and_the_key_stays_with_the_provider()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var provider = $"emb-{suffix}";
        var canary = $"sk-embed-canary-{Guid.NewGuid():N}";
        var scenario = platform.FakeOpenAi.Scenario($"embed-{suffix}");
        var answers = new List<string>();
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsJsonAsync("/api/llm/providers", new
        {
            name = provider, kind = "openai", base_url = platform.FakeOpenAi.BaseUrlOf(scenario.Name), api_key = canary,
            models = new[] { new { name = Model, input_price_per_million = 0.02 } },
        })).StatusCode);
        var modelId = $"{provider}/{Model}";

        // /v1/embeddings: the provider's vectors, in order, named by the resolved model.
        string[] texts = ["glaciers carve deep fjords", "tax returns are due in april"];
        var body = await ReadAsync(answers, await _client.PostAsJsonAsync("/v1/embeddings", new { model = modelId, input = texts }), HttpStatusCode.OK);
        Assert.Equal(modelId, body.GetProperty("model").GetString());
        var data = body.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(2, data.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(i, data[i].GetProperty("index").GetInt32());
            AssertClose(FakeEmbeddings.Of(texts[i]), data[i].GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()).ToArray());
        }
        Assert.Equal(10, body.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
        Assert.Equal($"Bearer {canary}", scenario.LastAuthorization);

        // The OpenAI SDK (which asks for base64) gets the same vectors through the gateway.
        var sdk = new EmbeddingClient(modelId, new ApiKeyCredential(ProviderTenants.KeyA), new OpenAIClientOptions { Endpoint = new Uri(platform.GatewayUrl + "/v1") });
        OpenAIEmbedding viaSdk = await sdk.GenerateEmbeddingAsync(texts[0]);
        AssertClose(FakeEmbeddings.Of(texts[0]), viaSdk.ToFloats().ToArray());

        // A knowledge base embedded with the provider model: every chunk goes to the provider once, and dense search ranks by its vectors.
        var collection = $"pe-{suffix}";
        var api = new KnowledgeApi(_client);
        var embeddedBefore = scenario.EmbeddedTexts;
        var glacier = await api.UploadAsync(TestFiles.Utf8("Glaciers carve deep fjords along the coast of Norway."), "glaciers", collection,
            ("embedding_model", modelId));
        var taxes = await api.UploadAsync(TestFiles.Utf8("Tax returns are due in April for most households."), "taxes", collection,
            ("embedding_model", modelId));
        Assert.Equal(modelId, glacier.GetProperty("embedding_model").GetString());
        Assert.Equal(2, scenario.EmbeddedTexts - embeddedBefore);

        foreach (var mode in new[] { "dense", "hybrid" })
        {
            var found = await ReadAsync(answers, await _client.PostAsJsonAsync("/api/knowledge/search",
                new { query = "when are tax returns due", collection, mode, top_k = 2, embedding_model = modelId }), HttpStatusCode.OK);
            var results = found.GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(taxes.GetProperty("id").GetGuid(), results[0].GetProperty("document_id").GetGuid());
            Assert.Equal(2, results.Count);
        }
        var dense = await ReadAsync(answers, await _client.PostAsJsonAsync("/api/knowledge/search",
            new { query = "glaciers fjords", collection, mode = "dense", top_k = 1, embedding_model = modelId }), HttpStatusCode.OK);
        var best = dense.GetProperty("results")[0];
        Assert.Equal(glacier.GetProperty("id").GetGuid(), best.GetProperty("document_id").GetGuid());
        // The score is the cosine of the provider's vectors of the query and the chunk.
        Assert.Equal(Cosine(FakeEmbeddings.Of("glaciers fjords"), FakeEmbeddings.Of("Glaciers carve deep fjords along the coast of Norway.")),
            best.GetProperty("score").GetDouble(), 4);

        // Refusals name the field: a collection never embedded with the model, bm25 with a model, unknown and chat-only models.
        var localOnly = $"pl-{suffix}";
        await api.UploadAsync(TestFiles.Utf8("Lighthouses guide ships at night."), "lighthouses", localOnly);
        await ExpectProblemAsync(answers, await _client.PostAsJsonAsync("/api/knowledge/search",
            new { query = "ships", collection = localOnly, mode = "dense", embedding_model = modelId }), "embedding_model");
        await ExpectProblemAsync(answers, await _client.PostAsJsonAsync("/api/knowledge/search",
            new { query = "ships", collection, mode = "bm25", embedding_model = modelId }), "embedding_model");
        await ExpectOpenAiErrorAsync(answers, await _client.PostAsJsonAsync("/v1/embeddings", new { model = $"{provider}/no-such-model", input = "x" }),
            HttpStatusCode.NotFound);
        await ExpectOpenAiErrorAsync(answers, await _client.PostAsJsonAsync("/v1/embeddings", new { model = "local/local-ngram", input = "x" }),
            HttpStatusCode.NotFound);

        // A failing provider: the upload is refused naming embedding_model and nothing is written.
        scenario.FailWithStatus = 503;
        var failed = await api.UploadRawAsync(TestFiles.Utf8("Volcanoes erupt."), "volcanoes.txt", collection, ("embedding_model", modelId));
        await ExpectProblemAsync(answers, failed, "embedding_model", HttpStatusCode.BadGateway);
        await ExpectOpenAiErrorAsync(answers, await _client.PostAsJsonAsync("/v1/embeddings", new { model = modelId, input = "x" }), HttpStatusCode.BadGateway);
        scenario.FailWithStatus = 0;
        var listed = await ReadAsync(answers, await _client.GetAsync($"/api/documents?collection={collection}"), HttpStatusCode.OK);
        Assert.Equal(2, listed.GetProperty("items").GetArrayLength());

        // The key reached the provider and nothing else: no answer and no service log holds it.
        Assert.All(answers, answer => Assert.DoesNotContain(canary, answer, StringComparison.Ordinal));
        var logs = Directory.GetFiles(Path.Combine(platform.DataDirectory, "logs"), "*", SearchOption.AllDirectories);
        Assert.All(logs, log => Assert.False(ReadShared(log).Contains(canary, StringComparison.Ordinal), $"the key is in {log}"));
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/llm/providers/{provider}")).StatusCode);
    }

    private static async Task<JsonElement> ReadAsync(List<string> answers, HttpResponseMessage response, HttpStatusCode expected)
    {
        answers.Add(await response.Content.ReadAsStringAsync());
        return await PlatformApi.ReadAsync(response, expected);
    }

    private static async Task ExpectProblemAsync(List<string> answers, HttpResponseMessage response, string field,
        HttpStatusCode status = HttpStatusCode.UnprocessableEntity)
    {
        var problem = await ReadAsync(answers, response, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem does not name {field}: {problem}");
    }

    private static async Task ExpectOpenAiErrorAsync(List<string> answers, HttpResponseMessage response, HttpStatusCode status)
    {
        var error = (await ReadAsync(answers, response, status)).GetProperty("error");
        Assert.Equal("model", error.GetProperty("param").GetString());
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 5);
    }

    private static double Cosine(float[] a, float[] b) =>
        a.Zip(b).Sum(p => (double)p.First * p.Second) / Math.Sqrt(a.Sum(x => (double)x * x) * b.Sum(x => (double)x * x));
}
