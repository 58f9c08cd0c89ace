using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

[Collection(PlatformCollection.Name)]
public class QualityApiTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    [Fact]
    public async Task Analyze_scores_an_ad_hoc_text_with_reference_metrics()
    {
        var response = await _api.Client.PostAsJsonAsync("/api/quality/analyze", new
        {
            text = "Paris is the capital of France. It has been the capital since the tenth century.",
            prompt = "What is the capital of France?",
            references = new[] { "Paris", "the city of Paris" },
        });
        var result = await PlatformApi.ReadAsync(response, HttpStatusCode.OK);
        var metrics = result.GetProperty("metrics");
        Assert.Equal(100, metrics.GetProperty("substring_match").GetDouble());
        Assert.InRange(metrics.GetProperty("relevance_score").GetDouble(), 50, 100);
        Assert.InRange(metrics.GetProperty("overall_score").GetDouble(), 1, 100);
        Assert.Equal("1.1.0", result.GetProperty("analysis_version").GetString());
    }

    [Fact]
    public async Task Analyze_refuses_empty_huge_and_unweighable_input_naming_the_field()
    {
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/quality/analyze", new { text = "   " }), HttpStatusCode.UnprocessableEntity, "text");
        // Sent with its length, as clients usually do: refused before it is read, naming the body (the per-endpoint cap).
        using var huge = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { text = new string('a', 10 * 1024 * 1024) }),
            System.Text.Encoding.UTF8, "application/json");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsync("/api/quality/analyze", huge), HttpStatusCode.RequestEntityTooLarge, "body");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/quality/analyze", new { text = "Fine text.", weights = new Dictionary<string, double> { ["wit_score"] = 1 } }),
            HttpStatusCode.UnprocessableEntity, "weights.wit_score");
    }

    [Fact]
    public async Task Analyze_refuses_invalid_utf8_with_400()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"text\": \"ab").Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var response = await _api.Client.PostAsync("/api/quality/analyze", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Metrics_batch_scores_texts_and_reads_stored_responses_and_compare_names_the_best()
    {
        var texts = await PlatformApi.ReadAsync(await _api.Client.PostAsJsonAsync("/api/metrics/batch", new
        {
            texts = new object[]
            {
                new { text = "Rain forms when droplets in clouds grow heavy and fall.", prompt = "How does rain form?" },
                new { text = "Bread needs flour.", prompt = "How does rain form?", reference = "droplets grow heavy" },
            },
        }), HttpStatusCode.OK);
        var scored = texts.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, scored.Count);
        Assert.True(scored[0].GetProperty("metrics").GetProperty("relevance_score").GetDouble() > scored[1].GetProperty("metrics").GetProperty("relevance_score").GetDouble());
        Assert.True(scored[1].GetProperty("metrics").TryGetProperty("f1", out _));

        var experimentId = await _api.CreateExperimentAsync(PlatformApi.Grid3x3("metrics-batch"));
        var runId = await _api.GenerateAsync(experimentId);
        await _api.WaitForRunAsync(runId, TimeSpan.FromMinutes(2));
        var ids = (await _api.ResponsesAsync(experimentId, runId)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Take(3).ToList();
        var unknown = Guid.NewGuid();

        var stored = await PlatformApi.ReadAsync(await _api.Client.PostAsJsonAsync("/api/metrics/batch", new { response_ids = ids.Append(unknown) }), HttpStatusCode.OK);
        Assert.Equal(3, stored.GetProperty("items").GetArrayLength());
        Assert.Equal(unknown, stored.GetProperty("missing")[0].GetGuid());

        var comparison = await PlatformApi.ReadAsync(await _api.Client.PostAsJsonAsync("/api/metrics/compare", new { response_ids = ids }), HttpStatusCode.OK);
        var best = comparison.GetProperty("best").GetProperty("overall_score");
        var overall = comparison.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metrics").GetProperty("overall_score").GetDouble()).ToList();
        Assert.Equal(overall.Max(), best.GetProperty("value").GetDouble());

        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/metrics/batch", new { }), HttpStatusCode.UnprocessableEntity, "response_ids");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/metrics/compare", new { response_ids = ids.Take(1) }), HttpStatusCode.UnprocessableEntity, "response_ids");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/metrics/batch", new { texts = new[] { new { text = "" } } }), HttpStatusCode.UnprocessableEntity, "texts[0].text");
    }

    [Fact]
    public async Task A_batch_run_stores_the_full_metric_set_and_a_rescore_recomputes_it_with_sibling_diversity()
    {
        var experimentId = await _api.CreateExperimentAsync(PlatformApi.Grid3x3("rescore"));
        var runId = await _api.GenerateAsync(experimentId);
        await _api.WaitForRunAsync(runId, TimeSpan.FromMinutes(2));
        var items = (await _api.ResponsesAsync(experimentId, runId)).GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, item =>
        {
            var metrics = item.GetProperty("metrics");
            foreach (var name in new[] { "coherence_score", "completeness_score", "readability_score", "length_appropriateness_score", "creativity_score", "specificity_score", "relevance_score", "overall_score", "confidence_score" })
            {
                Assert.Equal(JsonValueKind.Number, metrics.GetProperty(name).ValueKind);
            }
            Assert.Equal("1.1.0", metrics.GetProperty("analysis_version").GetString());
            Assert.False(metrics.GetProperty("all").TryGetProperty("self_bleu", out _));
        });

        await AssertPreviewMatchesAsync(runId, items);

        var accepted = await _api.Client.PostAsync($"/api/experiments/batch/{runId}/rescore", null);
        await PlatformApi.ReadAsync(accepted, HttpStatusCode.Accepted);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<JsonElement> rescored;
        do
        {
            await Task.Delay(300);
            rescored = (await _api.ResponsesAsync(experimentId, runId)).GetProperty("items").EnumerateArray().ToList();
        }
        while (!rescored.All(i => i.GetProperty("metrics").GetProperty("all").TryGetProperty("self_bleu", out _)) && DateTime.UtcNow < deadline);

        Assert.Equal(18, rescored.Count);
        Assert.All(rescored, i => Assert.InRange(i.GetProperty("metrics").GetProperty("all").GetProperty("self_bleu").GetDouble(), 0, 100));
        Assert.Equal(items.Select(i => i.GetProperty("metrics").GetProperty("overall_score").GetDouble()).Order(),
            rescored.Select(i => i.GetProperty("metrics").GetProperty("overall_score").GetDouble()).Order());
        await AssertPreviewMatchesAsync(runId, rescored);
    }

    /// <summary>The status view's preview (kept per run until the run row moves) against the stored scores themselves.</summary>
    private async Task AssertPreviewMatchesAsync(Guid runId, List<JsonElement> items)
    {
        var preview = (await _api.StatusAsync(runId)).GetProperty("results_preview");
        var scores = items.Select(i => i.GetProperty("metrics").GetProperty("overall_score").GetDouble()).ToList();
        // The view rounds to 2 decimals.
        Assert.InRange(preview.GetProperty("average_quality_score").GetDouble() - scores.Average(), -0.0051, 0.0051);
        Assert.InRange(preview.GetProperty("best_quality_score").GetDouble() - scores.Max(), -0.0051, 0.0051);
    }

    [Fact]
    public async Task Rescoring_an_unknown_run_is_404() =>
        await PlatformApi.ReadAsync(await _api.Client.PostAsync($"/api/experiments/batch/{Guid.NewGuid()}/rescore", null), HttpStatusCode.NotFound);
}

[Collection(PlatformCollection.Name)]
public class JudgeTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    [Fact]
    public async Task A_judge_whose_answer_has_no_score_is_recorded_as_an_error_on_that_metric()
    {
        // The local engine writes prose, not "Score: n": the judge metric must say so, not invent a value.
        var result = await PlatformApi.ReadAsync(await _api.Client.PostAsJsonAsync("/api/quality/analyze", new
        {
            text = "Rain forms when droplets in clouds grow heavy and fall.",
            prompt = "How does rain form?",
            judge = new { provider = "local" },
        }), HttpStatusCode.OK);
        Assert.False(result.GetProperty("metrics").TryGetProperty("judge_score", out _));
        Assert.Contains("could not be parsed after a retry", result.GetProperty("errors").GetProperty("judge_score").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_judge_on_an_unknown_provider_is_an_error_naming_it_and_other_metrics_still_come()
    {
        var result = await PlatformApi.ReadAsync(await _api.Client.PostAsJsonAsync("/api/quality/analyze", new
        {
            text = "Rain forms when droplets grow heavy.",
            prompt = "How does rain form?",
            judge = new { provider = "nope" },
        }), HttpStatusCode.OK);
        Assert.Contains("nope", result.GetProperty("errors").GetProperty("judge_score").GetString(), StringComparison.Ordinal);
        Assert.True(result.GetProperty("metrics").GetProperty("overall_score").GetDouble() > 0);
    }

    [Fact]
    public async Task An_experiment_with_a_judge_stores_the_judge_error_per_response()
    {
        var body = new Dictionary<string, object>
        {
            ["name"] = "judged", ["prompt"] = "Explain rain.", ["temperature_min"] = 0.7, ["temperature_max"] = 0.7, ["temperature_step"] = 0.1,
            ["top_p_min"] = 1.0, ["top_p_max"] = 1.0, ["top_p_step"] = 0.1, ["max_tokens"] = 40, ["response_count"] = 2, ["judge_provider"] = "local",
        };
        var experimentId = await _api.CreateExperimentAsync(body);
        var runId = await _api.GenerateAsync(experimentId);
        await _api.WaitForRunAsync(runId, TimeSpan.FromMinutes(2));
        var items = (await _api.ResponsesAsync(experimentId, runId)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.True(i.GetProperty("metrics").GetProperty("errors").TryGetProperty("judge_score", out _)));
    }

    [Fact]
    public async Task A_pairwise_judgement_asks_in_both_orders_and_reports_a_tie_when_it_cannot_decide()
    {
        var experimentId = await _api.CreateExperimentAsync(PlatformApi.Grid3x3("pairwise"));
        var runId = await _api.GenerateAsync(experimentId);
        await _api.WaitForRunAsync(runId, TimeSpan.FromMinutes(2));
        var ids = (await _api.ResponsesAsync(experimentId, runId)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Take(2).ToList();

        var comparison = await PlatformApi.ReadAsync(await _api.Client.PostAsJsonAsync("/api/metrics/compare", new { response_ids = ids, judge = new { provider = "local" } }), HttpStatusCode.OK);
        var judge = comparison.GetProperty("judge");
        Assert.Equal("tie", judge.GetProperty("verdict").GetString());
        Assert.False(judge.GetProperty("consistent").GetBoolean());
        Assert.Contains("could not be parsed", judge.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(judge.GetProperty("reasoning_a_first").GetString()));

        var three = await _api.Client.PostAsJsonAsync("/api/metrics/compare", new { response_ids = ids.Append(Guid.NewGuid()), judge = new { provider = "local" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, three.StatusCode);
    }
}
