using System.Diagnostics;
using System.Net;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests.Training;

/// <summary>A job whose training process is killed mid-way resumes from its last checkpoint in the restarted process.</summary>
[Collection(PlatformCollection.Name)]
public sealed class TrainingResumeTests(PlatformFixture platform)
{
    private readonly HttpClient _client = platform.CreateClient();

    [Fact]
    public async Task A_job_resumes_from_its_checkpoint_after_the_training_service_is_killed()
    {
        var api = new TrainingApi(_client);
        await new TrainingApi(_client).ReadyAsync();
        var created = await api.CreateAsync(TrainingApi.Job($"resume-{Guid.NewGuid():N}"[..20], epochs: 25, checkpointEvery: 10));
        var id = created.GetProperty("id").GetGuid();
        var before = await api.WaitAsync(id, j => j.GetProperty("completed_steps").GetInt32() >= 25, TimeSpan.FromSeconds(40));
        Assert.True(before.GetProperty("completed_steps").GetInt32() < before.GetProperty("total_steps").GetInt32(), "the job ended before it could be killed");

        var pid = platform.ReadState()!.Resource("training").Pid!.Value;
        using (var kill = Process.Start("kill", ["-KILL", pid.ToString()])) await kill.WaitForExitAsync();

        var ended = await api.WaitForEndAsync(id, TimeSpan.FromSeconds(90));
        Assert.Equal("completed", ended.GetProperty("status").GetString());
        Assert.True(ended.GetProperty("resumes").GetInt32() >= 1, $"not resumed: {ended}");
        Assert.NotEqual(pid, platform.ReadState()!.Resource("training").Pid);

        // Every step is on the curve exactly once, those before the checkpoint from the first process, the rest from the second.
        var report = await PlatformApi.ReadAsync(await _client.GetAsync($"/api/training/jobs/{id}/report"), HttpStatusCode.OK);
        var total = ended.GetProperty("total_steps").GetInt32();
        Assert.Equal(Enumerable.Range(1, total), report.GetProperty("train_loss").EnumerateArray().Select(p => p.GetProperty("step").GetInt32()));
        Assert.Equal(25, report.GetProperty("holdout_loss").GetArrayLength());
        Assert.Equal(1, report.GetProperty("resumes").GetInt32());
    }
}
