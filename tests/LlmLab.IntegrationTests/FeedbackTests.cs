using System.Net;
using System.Net.Http.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>People's feedback on responses of the built-in engine, and the agreement of each automatic metric with it.</summary>
[Collection(PlatformCollection.Name)]
public class FeedbackTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    [Fact]
    public async Task Feedback_that_follows_the_overall_score_agrees_with_it_by_spearman_with_a_ci_and_n()
    {
        var (experiment, run) = await ScoredRun.CreateAsync(_api, $"feedback-{Guid.NewGuid():N}");

        var responses = (await _api.ResponsesAsync(experiment, run)).GetProperty("items").EnumerateArray()
            .Select(r => (Id: r.GetProperty("id").GetGuid(), Score: r.GetProperty("metrics").GetProperty("overall_score").GetDouble()))
            .OrderBy(r => r.Score).ToList();
        Assert.Equal(18, responses.Count);
        // A reviewer whose 1–5 scores rise with the overall score (by rank: five bands).
        for (var i = 0; i < responses.Count; i++)
        {
            var body = i % 3 == 0
                ? (object)new { thumbs = i < responses.Count / 2 ? "down" : "up", label = "checked" }
                : new { score = 1 + 4 * i / (responses.Count - 1), comment = "rated by rank", corrected_answer = i == 0 ? "Rain forms when droplets merge." : null };
            var given = await _api.Client.PostAsJsonAsync($"/api/responses/{responses[i].Id}/feedback", body);
            await PlatformApi.ReadAsync(given, HttpStatusCode.Created);
        }
        // Giving it again replaces the reviewer's feedback (200), it does not add a second one.
        var again = await _api.Client.PostAsJsonAsync($"/api/responses/{responses[0].Id}/feedback", new { score = 1, comment = "worst" });
        Assert.Equal("worst", (await PlatformApi.ReadAsync(again, HttpStatusCode.OK)).GetProperty("comment").GetString());
        var listed = await _api.GetAsync($"/api/responses/{responses[0].Id}/feedback");
        Assert.Equal(1, listed.GetArrayLength());

        var agreement = await _api.GetAsync($"/api/feedback/agreement?run_id={run}");
        Assert.Equal(18, agreement.GetProperty("responses_with_feedback").GetInt32());
        var overall = agreement.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "overall_score");
        Assert.Equal(18, overall.GetProperty("n").GetInt32());
        Assert.True(overall.GetProperty("spearman").GetDouble() > 0.8, overall.ToString());
        var ci = overall.GetProperty("ci95").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.True(ci[0] > 0 && ci[0] < overall.GetProperty("spearman").GetDouble() && ci[1] <= 1, overall.ToString());
    }

    [Fact]
    public async Task Bad_feedback_is_refused_naming_the_field()
    {
        await PlatformReadiness.WaitUntilHealthyAsync(_api.Client, TimeSpan.FromMinutes(5));
        var unknown = Guid.NewGuid();
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync($"/api/responses/{unknown}/feedback", new { score = 3 }), HttpStatusCode.NotFound, "id");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync($"/api/responses/{unknown}/feedback", new { score = 6 }),
            HttpStatusCode.UnprocessableEntity, "score");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync($"/api/responses/{unknown}/feedback", new { score = 2, thumbs = "up" }),
            HttpStatusCode.UnprocessableEntity, "thumbs");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync($"/api/responses/{unknown}/feedback", new { comment = "no score" }),
            HttpStatusCode.UnprocessableEntity, "score");
        await PlatformApi.ExpectProblemAsync(await _api.Client.GetAsync($"/api/feedback/agreement?run_id={unknown}"), HttpStatusCode.NotFound, "run_id");
    }
}
