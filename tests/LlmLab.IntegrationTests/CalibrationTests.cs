using System.Net;
using System.Net.Http.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// Calibration through the gateway: a reviewer who judges the built-in engine's answers by their readability alone;
/// the fitted weight profile puts its weight there, agrees with the reviewer on held-out responses, is kept under its
/// name, and is invisible to another tenant.
/// </summary>
[Collection(PlatformCollection.Name)]
public class CalibrationTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    [Fact]
    public async Task Calibrating_to_a_reviewer_who_values_readability_weighs_readability_most_and_reports_agreement_before_and_after()
    {
        var (experiment, run) = await ScoredRun.CreateAsync(_api, $"calibration-{Guid.NewGuid():N}");
        var responses = (await _api.ResponsesAsync(experiment, run)).GetProperty("items").EnumerateArray()
            .Select(r => (Id: r.GetProperty("id").GetGuid(), Readability: r.GetProperty("metrics").GetProperty("readability_score").GetDouble()))
            .OrderBy(r => r.Readability).ToList();
        Assert.Equal(18, responses.Count);
        for (var i = 0; i < responses.Count; i++)
        {
            var given = await _api.Client.PostAsJsonAsync($"/api/responses/{responses[i].Id}/feedback", new { score = 1 + 4 * i / (responses.Count - 1) });
            await PlatformApi.ReadAsync(given, HttpStatusCode.Created);
        }

        var name = $"readable-{Guid.NewGuid():N}"[..20];
        var calibrated = await PlatformApi.ReadAsync(
            await _api.Client.PostAsJsonAsync("/api/feedback/calibrate", new { name, run_id = run, folds = 3 }), HttpStatusCode.Created);

        var weights = calibrated.GetProperty("weights").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        Assert.Equal(7, weights.Count);
        Assert.Equal(1, weights.Values.Sum(), 3);
        Assert.Equal("readability_score", weights.MaxBy(w => w.Value).Key);
        Assert.Equal(18, calibrated.GetProperty("n").GetInt32());
        Assert.Equal(3, calibrated.GetProperty("folds").GetInt32());
        var before = calibrated.GetProperty("before");
        var after = calibrated.GetProperty("after_cross_validated");
        Assert.Equal(18, before.GetProperty("n").GetInt32());
        Assert.Equal(18, after.GetProperty("n").GetInt32());
        Assert.True(after.GetProperty("spearman").GetDouble() > 0.7, calibrated.ToString());
        Assert.True(calibrated.GetProperty("after_in_sample").GetProperty("spearman").GetDouble() >= before.GetProperty("spearman").GetDouble(), calibrated.ToString());

        var read = await _api.GetAsync($"/api/feedback/profiles/{name}");
        Assert.Equal(weights["readability_score"], read.GetProperty("weights").GetProperty("readability_score").GetDouble());
        var listed = await _api.GetAsync("/api/feedback/profiles");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), p => p.GetProperty("name").GetString() == name);

        // The weights are what the quality service takes: scoring with them is accepted.
        var analyzed = await _api.Client.PostAsJsonAsync("/api/quality/analyze", new { text = "Rain forms when droplets merge and fall.", weights });
        await PlatformApi.ReadAsync(analyzed, HttpStatusCode.OK);

        // More folds than the feedback can fill, and a name that is not one, are refused naming the field.
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/feedback/calibrate", new { name, run_id = run, folds = 10 }),
            HttpStatusCode.UnprocessableEntity, "feedback");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/feedback/calibrate", new { name = "a b", run_id = run }),
            HttpStatusCode.UnprocessableEntity, "name");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/feedback/calibrate", new { name, run_id = Guid.NewGuid() }),
            HttpStatusCode.NotFound, "run_id");

        var identity = new IdentityApi(platform);
        var (exit, output) = await identity.CreateAdminAsync("--organisation", $"calib-{Guid.NewGuid():N}"[..20], "--email", "calib@example.com");
        Assert.True(exit == 0, output);
        using var other = platform.CreateClient(IdentityApi.KeyFromOutput(output));
        await PlatformApi.ExpectProblemAsync(await other.GetAsync($"/api/feedback/profiles/{name}"), HttpStatusCode.NotFound, "name");
        Assert.DoesNotContain(name, await other.GetStringAsync("/api/feedback/profiles"), StringComparison.Ordinal);
        await PlatformApi.ExpectProblemAsync(await other.PostAsJsonAsync("/api/feedback/calibrate", new { name, run_id = run }), HttpStatusCode.NotFound, "run_id");
    }
}
