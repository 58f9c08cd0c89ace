using System.ClientModel;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using LlmLab.IntegrationTests.Platform;
using OpenAI;
using OpenAI.Embeddings;

namespace LlmLab.IntegrationTests.Knowledge;

/// <summary>/v1/embeddings through the gateway: OpenAI's shape, the OpenAI SDK, and OpenAI-shaped errors naming the parameter.</summary>
[Collection(PlatformCollection.Name)]
public class EmbeddingsEndpointTests(PlatformFixture platform)
{
    [Fact]
    public async Task Local_embeddings_answer_in_openai_shape_deterministically()
    {
        using var client = platform.CreateClient(PlatformFixture.KnowledgeApiKey);
        var body = await PlatformApi.ReadAsync(await client.PostAsJsonAsync("/v1/embeddings",
            new { model = "local", input = new[] { "rivers flow to the sea", "rivers flow to the sea", "tax returns are due" } }), HttpStatusCode.OK);
        Assert.Equal("list", body.GetProperty("object").GetString());
        Assert.Equal("local", body.GetProperty("model").GetString());
        Assert.True(body.GetProperty("usage").GetProperty("prompt_tokens").GetInt32() >= 13);
        var data = body.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], data.Select(d => d.GetProperty("index").GetInt32()));
        Assert.All(data, d => Assert.Equal("embedding", d.GetProperty("object").GetString()));
        var vectors = data.Select(d => d.GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToList();
        Assert.Equal(256, vectors[0].Length);
        Assert.Equal(vectors[0], vectors[1]);
        Assert.InRange(Cosine(vectors[0], vectors[2]), -0.5, 0.5);

        var single = await PlatformApi.ReadAsync(await client.PostAsJsonAsync("/v1/embeddings",
            new { model = "local", input = "rivers flow to the sea", encoding_format = "base64", dimensions = 64 }), HttpStatusCode.OK);
        var bytes = Convert.FromBase64String(single.GetProperty("data")[0].GetProperty("embedding").GetString()!);
        Assert.Equal(64, MemoryMarshal.Cast<byte, float>(bytes).Length);
    }

    [Fact]
    public async Task The_openai_sdk_creates_embeddings()
    {
        var sdk = new EmbeddingClient("local", new ApiKeyCredential(PlatformFixture.KnowledgeApiKey),
            new OpenAIClientOptions { Endpoint = new Uri(platform.GatewayUrl + "/v1") });
        OpenAIEmbeddingCollection result = await sdk.GenerateEmbeddingsAsync(["first text about owls", "second text about owls"]);
        Assert.Equal(2, result.Count);
        var first = result[0].ToFloats().ToArray();
        Assert.Equal(256, first.Length);
        Assert.InRange(Cosine(first, result[1].ToFloats().ToArray()), 0.3, 0.999);
    }

    [Fact]
    public async Task Bad_requests_are_openai_shaped_errors_naming_the_parameter()
    {
        using var client = platform.CreateClient(PlatformFixture.KnowledgeApiKey);
        await ExpectOpenAiErrorAsync(await client.PostAsJsonAsync("/v1/embeddings", new { model = "local" }), HttpStatusCode.BadRequest, "input");
        await ExpectOpenAiErrorAsync(await client.PostAsJsonAsync("/v1/embeddings", new { input = "x" }), HttpStatusCode.BadRequest, "model");
        await ExpectOpenAiErrorAsync(await client.PostAsJsonAsync("/v1/embeddings", new { model = "local", input = new[] { 1, 2 } }), HttpStatusCode.BadRequest, "input");
        await ExpectOpenAiErrorAsync(await client.PostAsJsonAsync("/v1/embeddings", new { model = "local", input = "" }), HttpStatusCode.BadRequest, "input");
        await ExpectOpenAiErrorAsync(await client.PostAsJsonAsync("/v1/embeddings", new { model = "local", input = "x", encoding_format = "hex" }),
            HttpStatusCode.BadRequest, "encoding_format");
        await ExpectOpenAiErrorAsync(await client.PostAsJsonAsync("/v1/embeddings", new { model = "no-such-model", input = "x" }), HttpStatusCode.NotFound, "model");
        using var broken = new StringContent("{\"model\": \"local\", \"input\": ", System.Text.Encoding.UTF8, "application/json");
        await ExpectOpenAiErrorAsync(await client.PostAsync("/v1/embeddings", broken), HttpStatusCode.BadRequest, "body");
    }

    private static async Task ExpectOpenAiErrorAsync(HttpResponseMessage response, HttpStatusCode status, string param)
    {
        var body = await PlatformApi.ReadAsync(response, status);
        var error = body.GetProperty("error");
        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.StartsWith(param, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static double Cosine(float[] a, float[] b) =>
        a.Zip(b).Sum(p => (double)p.First * p.Second) / Math.Sqrt(a.Sum(x => (double)x * x) * b.Sum(x => (double)x * x));
}
