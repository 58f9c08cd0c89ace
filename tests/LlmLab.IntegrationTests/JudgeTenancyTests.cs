using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// An LLM judge acts as the tenant whose text it scores: tenant A's judge may be A's own provider (on an ad-hoc
/// analysis and in A's runs, where the batch worker scores for the run's tenant); tenant B naming A's provider as its
/// judge gets an error naming it, and A's endpoint receives nothing.
/// </summary>
[Collection(PlatformCollection.Name)]
public class JudgeTenancyTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_judge_uses_the_scored_tenant_s_own_providers_and_another_tenant_cannot_use_them()
    {
        using var a = platform.CreateClient(ProviderTenants.KeyA);
        using var b = platform.CreateClient(ProviderTenants.KeyB);
        var name = $"judge-{Guid.NewGuid():N}"[..16];
        var judge = platform.FakeOpenAi.Scenario(name);
        judge.Content = "Score: 8\nReasoning: It explains how droplets grow and fall.";
        Assert.Equal(HttpStatusCode.Created, (await a.PostAsJsonAsync("/api/llm/providers", new
        {
            name, kind = "openai", base_url = platform.FakeOpenAi.BaseUrlOf(name), api_key = $"sk-judge-{Guid.NewGuid():N}",
            models = new[] { new { name = FakeProviders.Model } },
        })).StatusCode);
        var analysis = new
        {
            text = "Rain forms when droplets in a cloud merge until they are heavy enough to fall.", prompt = "Explain how rain forms.",
            judge = new { provider = name, model = FakeProviders.Model },
        };

        var own = await PlatformApi.ReadAsync(await a.PostAsJsonAsync("/api/quality/analyze", analysis), HttpStatusCode.OK);
        Assert.Equal(80, own.GetProperty("metrics").GetProperty("judge_score").GetDouble());
        var calls = judge.Requests;
        Assert.Equal(1, calls);

        var foreign = await PlatformApi.ReadAsync(await b.PostAsJsonAsync("/api/quality/analyze", analysis), HttpStatusCode.OK);
        Assert.False(foreign.GetProperty("metrics").TryGetProperty("judge_score", out _));
        Assert.Contains(name, foreign.GetProperty("errors").GetProperty("judge_score").GetString(), StringComparison.Ordinal);
        Assert.True(foreign.GetProperty("metrics").GetProperty("overall_score").GetDouble() > 0);
        Assert.Equal(calls, judge.Requests);

        // In runs: A's run is judged by A's provider; B's run naming it gets the error per response, and no call goes out.
        var ownItems = await JudgedRunAsync(a, name);
        Assert.All(ownItems, i => Assert.Equal(80, i.GetProperty("metrics").GetProperty("all").GetProperty("judge_score").GetDouble()));
        // One call per distinct response (identical judge prompts are served from A's cache).
        var afterOwnRun = judge.Requests;
        Assert.True(afterOwnRun > calls, "A's run asked A's judge");
        var foreignItems = await JudgedRunAsync(b, name);
        Assert.All(foreignItems, i =>
        {
            Assert.False(i.GetProperty("metrics").GetProperty("all").TryGetProperty("judge_score", out _));
            Assert.Contains(name, i.GetProperty("metrics").GetProperty("errors").GetProperty("judge_score").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(afterOwnRun, judge.Requests);
    }

    /// <summary>A two-call run of the local engine with <paramref name="judge"/> as its judge; its responses.</summary>
    private static async Task<List<JsonElement>> JudgedRunAsync(HttpClient client, string judge)
    {
        var api = new PlatformApi(client);
        var experiment = await api.CreateExperimentAsync(new
        {
            name = $"judged by {judge}", prompt = "Explain how rain forms.", provider = "local",
            temperature_min = 0.5, temperature_max = 0.5, temperature_step = 0.1, top_p_min = 1.0, top_p_max = 1.0, top_p_step = 0.1,
            max_tokens = 20, response_count = 2, seed = 11, judge_provider = judge, judge_model = FakeProviders.Model,
        });
        var run = await api.GenerateAsync(experiment);
        Assert.Equal("completed", (await api.WaitForRunAsync(run, TimeSpan.FromMinutes(2))).GetProperty("status").GetString());
        var items = (await api.ResponsesAsync(experiment, run)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        return items;
    }
}
