namespace LlmLab.IntegrationTests.Platform;

/// <summary>A finished 3 × 3 × 2 run of the built-in engine whose 18 responses have all reached analytics (feedback needs them there).</summary>
public static class ScoredRun
{
    public static async Task<(Guid Experiment, Guid Run)> CreateAsync(PlatformApi api, string name)
    {
        await PlatformReadiness.WaitUntilHealthyAsync(api.Client, TimeSpan.FromMinutes(5));
        var experiment = await api.CreateExperimentAsync(PlatformApi.Grid3x3(name));
        var run = await api.GenerateAsync(experiment);
        await api.WaitForRunAsync(run, TimeSpan.FromMinutes(2));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await api.GetAsync($"/api/analytics/quality/breakdown?batch_id={run}")).GetProperty("sample_size").GetInt32() < 18)
        {
            Assert.True(DateTime.UtcNow < deadline, "the run's responses did not reach analytics");
            await Task.Delay(200);
        }
        return (experiment, run);
    }
}
