using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

[Collection(PlatformCollection.Name)]
public class BadInputTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    private static Dictionary<string, object> Grid(string name, Action<Dictionary<string, object>> change)
    {
        var body = new Dictionary<string, object>
        {
            ["name"] = name, ["prompt"] = "Explain rain.",
            ["temperature_min"] = 0.2, ["temperature_max"] = 1.0, ["temperature_step"] = 0.4,
            ["top_p_min"] = 0.5, ["top_p_max"] = 1.0, ["top_p_step"] = 0.25,
            ["max_tokens"] = 60, ["response_count"] = 2,
        };
        change(body);
        return body;
    }

    private async Task AssertNothingPersistedAsync(string name)
    {
        var list = await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/experiments?q={name}"), HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("temperature_step", 0.0, "temperature_step")]
    [InlineData("top_p_step", -0.1, "top_p_step")]
    [InlineData("temperature_max", 2.5, "temperature_max")]
    [InlineData("temperature_min", 1.5, "temperature_min")]
    [InlineData("top_p_min", 0.0, "top_p_min")]
    [InlineData("max_tokens", 0.0, "max_tokens")]
    public async Task An_invalid_range_is_422_naming_the_field_and_persists_nothing(string property, double value, string field)
    {
        var name = $"bad-{Guid.NewGuid():N}";
        var body = Grid(name, b => b[property] = property == "max_tokens" ? (int)value : value);
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/experiments", body), HttpStatusCode.UnprocessableEntity, field);
        await AssertNothingPersistedAsync(name);
    }

    [Fact]
    public async Task A_grid_over_the_combination_limit_is_422_naming_the_count()
    {
        var name = $"huge-{Guid.NewGuid():N}";
        var body = Grid(name, b =>
        {
            b["temperature_min"] = 0.0; b["temperature_max"] = 2.0; b["temperature_step"] = 0.01;   // 201 values
            b["top_p_min"] = 0.01; b["top_p_max"] = 1.0; b["top_p_step"] = 0.01;                   // 100 values
        });
        var problem = await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/experiments", body), HttpStatusCode.UnprocessableEntity, "response_count");
        Assert.Contains("40200", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingPersistedAsync(name);
    }

    [Fact]
    public async Task Malformed_json_is_400_naming_where_it_broke()
    {
        using var content = new StringContent("""{"name": "x", "temperature_min": 0.5,, }""", Encoding.UTF8, "application/json");
        var response = await _api.Client.PostAsync("/api/experiments", content);
        var problem = await PlatformApi.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("BytePositionInLine", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("$", out _), problem.ToString());
    }

    [Fact]
    public async Task A_wrongly_typed_field_is_400_naming_it()
    {
        var response = await _api.Client.PostAsJsonAsync("/api/experiments", new { name = "x", prompt = "p", max_tokens = "many" });
        await PlatformApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "$.max_tokens");
    }

    [Fact]
    public async Task Generating_for_an_unknown_experiment_is_404_naming_experiment_id_and_starts_no_run()
    {
        var unknown = Guid.NewGuid();
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/responses/generate", new { experiment_id = unknown }), HttpStatusCode.NotFound, "experiment_id");
        // An id that is nobody's (or another tenant's) is a 404, not an empty list.
        await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/responses/{unknown}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Generating_without_an_experiment_id_is_422_naming_it() =>
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/responses/generate", new { }), HttpStatusCode.UnprocessableEntity, "experiment_id");

    [Fact]
    public async Task Status_of_an_unknown_run_is_404_problem()
    {
        var response = await _api.Client.GetAsync($"/api/experiments/batch/{Guid.NewGuid()}/status");
        await PlatformApi.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(null, "API key missing")]
    [InlineData("not-a-key", "API key invalid")]
    public async Task A_missing_or_wrong_api_key_is_401_problem_naming_the_header(string? key, string title)
    {
        using var client = platform.CreateClient(key);
        var response = await client.PostAsJsonAsync("/api/experiments", new { name = "x", prompt = "p" });
        var problem = await PlatformApi.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal("X-Api-Key", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_tenant_header_sent_by_the_caller_is_replaced_by_the_key_s_tenant()
    {
        var name = $"tenant-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/experiments") { Content = JsonContent.Create(Grid(name, _ => { })) };
        request.Headers.Add("X-Tenant-Id", "someone-else");
        await PlatformApi.ReadAsync(await _api.Client.SendAsync(request), HttpStatusCode.Created);
        var list = await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/experiments?q={name}"), HttpStatusCode.OK);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Health_needs_no_key_and_reports_every_service()
    {
        using var client = platform.CreateClient(apiKey: null);
        var health = await PlatformApi.ReadAsync(await client.GetAsync("/api/health"), HttpStatusCode.OK);
        var names = health.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "gateway", "identity", "experiments", "batch", "llm-integration", "quality-analysis", "analytics" }, names);
        Assert.All(health.GetProperty("services").EnumerateArray(), s => Assert.Equal("healthy", s.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData("/api/experiments?page=0", "page")]
    [InlineData("/api/experiments/batch?page_size=501", "page_size")]
    [InlineData("/api/experiments?status=sleeping", "status")]
    public async Task Bad_list_parameters_are_400_naming_them(string path, string field) =>
        await PlatformApi.ExpectProblemAsync(await _api.Client.GetAsync(path), HttpStatusCode.BadRequest, field);
}
