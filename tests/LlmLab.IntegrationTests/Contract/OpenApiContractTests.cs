using System.Net;
using System.Text.Json.Nodes;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests.Contract;

/// <summary>The merged OpenAPI document, its reference UI and the reserved paths, through the real gateway.</summary>
[Collection(PlatformCollection.Name)]
public class OpenApiContractTests(PlatformFixture platform)
{
    private static readonly string[] OnePathOfEachService =
    [
        "/api/experiments", "/api/experiments/batch", "/api/responses/generate", "/api/analytics/models/comparison", "/api/llm/models",
        "/api/quality/analyze", "/api/evaluations", "/api/datasets", "/api/documents", "/api/training/jobs", "/api/me", "/api/admin/keys",
        "/api/experiments/batch/{id}/progress", "/api/experiments/batch/{id}/progress-token", "/api/health",
    ];

    [Fact]
    public async Task The_merged_document_is_public_json_with_paths_of_every_service_and_every_reference_resolves()
    {
        using var anonymous = platform.CreateClient(apiKey: null);
        using var response = await anonymous.GetAsync("/openapi/v1.json");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonNode.Parse(text)!.AsObject();
        Assert.StartsWith("3.0", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(document["x-llmlab-unavailable-services"]!.AsArray());
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.All(OnePathOfEachService, p => Assert.True(paths.Contains(p), $"{p} missing from the merged document"));
        // Only what the gateway routes: no service-internal path, no probe.
        Assert.All(paths, p => Assert.True(p.StartsWith("/api/", StringComparison.Ordinal) || p.StartsWith("/v1/", StringComparison.Ordinal), p));

        var schemas = document["components"]!["schemas"]!.AsObject();
        var references = References(document).Distinct().ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(schemas.ContainsKey(r["#/components/schemas/".Length..]), $"{r} does not resolve"));
        var operationIds = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => o.Value?["operationId"]?.GetValue<string>())).ToList();
        Assert.All(operationIds, Assert.NotNull);
        Assert.Equal(operationIds.Count, operationIds.Distinct().Count());
    }

    [Fact]
    public async Task Docs_serve_the_Scalar_reference_ui_over_the_merged_document()
    {
        using var anonymous = platform.CreateClient(apiKey: null);
        using var response = await anonymous.GetAsync("/docs");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("scalar", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("openapi/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<div id=\"root\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/nope")]
    [InlineData("/openapi/v2.json")]
    [InlineData("/swagger/index.html")]
    [InlineData("/metrics/nope")]
    public async Task Unknown_machine_paths_answer_404_problem_json_never_the_web_app(string path)
    {
        using var client = platform.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept", "text/html");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, JsonNode.Parse(body)!["status"]!.GetValue<int>());
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == "$ref" && p.Value is JsonValue v ? [v.GetValue<string>()] : References(p.Value)),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };
}
