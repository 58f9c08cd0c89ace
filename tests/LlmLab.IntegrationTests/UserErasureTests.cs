using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// Erasing one user (DELETE /api/admin/users/{id}/data?confirm={id}): the user, their keys, experiments, runs,
/// responses and analytics rows go in every service; the other user of the tenant keeps everything.
/// </summary>
[Collection(PlatformCollection.Name)]
public class UserErasureTests(PlatformFixture platform)
{
    private sealed record Person(Guid Id, HttpClient Client, string Key, Guid Experiment, Guid Run, Guid Response);

    [Fact]
    public async Task Erasing_a_user_removes_what_they_created_in_every_service_and_nothing_of_anyone_else()
    {
        var identity = new IdentityApi(platform);
        var organisation = $"erase-{Guid.NewGuid():N}"[..20];
        var (exit, output) = await identity.CreateAdminAsync("--organisation", organisation, "--email", "admin@example.com");
        Assert.True(exit == 0, output);
        using var admin = platform.CreateClient(IdentityApi.KeyFromOutput(output));
        await AnswersAsync(admin);
        var una = await PersonAsync(identity, admin, "una");
        var ugo = await PersonAsync(identity, admin, "ugo");
        Assert.Equal(4, await SampleSizeAsync(admin));

        // Refused without naming the user again, for a manager and for the user (no users:write), and for an unknown id.
        await PlatformApi.ExpectProblemAsync(await admin.DeleteAsync($"/api/admin/users/{una.Id}/data"), HttpStatusCode.BadRequest, "confirm");
        await PlatformApi.ExpectProblemAsync(await admin.DeleteAsync($"/api/admin/users/{una.Id}/data?confirm={ugo.Id}"), HttpStatusCode.BadRequest, "confirm");
        using (var manager = platform.CreateClient((await identity.IssueKeyAsync("manager", admin)).Key))
            Assert.Equal(HttpStatusCode.Forbidden, (await manager.DeleteAsync($"/api/admin/users/{una.Id}/data?confirm={una.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await una.Client.DeleteAsync($"/api/admin/users/{una.Id}/data?confirm={una.Id}")).StatusCode);
        var missing = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/admin/users/{missing}/data?confirm={missing}")).StatusCode);

        var accepted = await PlatformApi.ReadAsync(await admin.DeleteAsync($"/api/admin/users/{una.Id}/data?confirm={una.Id}"), HttpStatusCode.Accepted);
        Assert.Equal($"user:{una.Id}", accepted.GetProperty("subject_id").GetString());

        var api = new PlatformApi(admin);
        await EventuallyAsync(async () =>
            Ids(await api.GetAsync("/api/experiments?page_size=100"), "id").SequenceEqual([ugo.Experiment])
            && Ids(await api.GetAsync("/api/experiments/batch?page_size=100"), "id").SequenceEqual([ugo.Run])
            && await SampleSizeAsync(admin) == 2, "experiments, batch and analytics erase the user's data");
        await EventuallyAsync(async () => (await una.Client.GetAsync("/api/me")).StatusCode == HttpStatusCode.Unauthorized, "the user's key is refused");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/admin/users/{una.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/responses/single/{una.Response}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/experiments/batch/{una.Run}/status")).StatusCode);
        await PlatformApi.ExpectProblemAsync(await admin.GetAsync($"/api/analytics/quality/breakdown?batch_id={una.Run}"), HttpStatusCode.NotFound, "batch_id");

        // The tenant's export: nothing of the erased user is left anywhere, and the erasure is audited.
        using var exported = await admin.GetAsync("/api/tenants/me/export");
        var export = await PlatformApi.ReadAsync(exported, HttpStatusCode.OK);
        var text = export.GetRawText();
        foreach (var value in new[] { una.Experiment, una.Run, una.Response }) Assert.DoesNotContain(value.ToString(), text);
        Assert.DoesNotContain(export.GetProperty("identity").GetProperty("users").EnumerateArray(),
            u => u.GetProperty("user").GetProperty("id").GetGuid() == una.Id);
        Assert.Contains(export.GetProperty("identity").GetProperty("audit").EnumerateArray(),
            e => e.GetProperty("action").GetString() == "user.erased" && e.GetProperty("target").GetString() == $"user:{una.Id}");
        Assert.All(export.GetProperty("analytics").GetProperty("scored_responses").EnumerateArray(),
            r => Assert.Equal(ugo.Run, r.GetProperty("run_id").GetGuid()));

        // The other user keeps everything.
        Assert.Equal(HttpStatusCode.OK, (await ugo.Client.GetAsync("/api/me")).StatusCode);
        Assert.Equal("completed", (await new PlatformApi(ugo.Client).StatusAsync(ugo.Run)).GetProperty("status").GetString());
        Assert.Equal(2, (await new PlatformApi(ugo.Client).ResponsesAsync(ugo.Experiment, ugo.Run)).GetProperty("total").GetInt32());
        una.Client.Dispose();
        ugo.Client.Dispose();
    }

    /// <summary>A user with a key, an experiment of their own and one two-call run of it, scored and in analytics.</summary>
    private async Task<Person> PersonAsync(IdentityApi identity, HttpClient admin, string name)
    {
        var person = await PlatformApi.ReadAsync(await admin.PostAsJsonAsync("/api/admin/users",
            new { email = $"{name}-{Guid.NewGuid():N}@example.com", name, role = "user" }), HttpStatusCode.Created);
        var id = person.GetProperty("id").GetGuid();
        var key = (await identity.IssueKeyAsync("user", admin, userId: id)).Key;
        var client = platform.CreateClient(key);
        await AnswersAsync(client);
        var api = new PlatformApi(client);
        var experiment = await api.CreateExperimentAsync(new
        {
            name = $"erase {name}", prompt = "Explain how rain forms.", provider = "local",
            temperature_min = 0.5, temperature_max = 0.5, temperature_step = 0.1, top_p_min = 1.0, top_p_max = 1.0, top_p_step = 0.1,
            max_tokens = 20, response_count = 2, seed = 7,
        });
        var run = await api.GenerateAsync(experiment);
        Assert.Equal("completed", (await api.WaitForRunAsync(run, TimeSpan.FromMinutes(2))).GetProperty("status").GetString());
        await EventuallyAsync(async () =>
        {
            using var breakdown = await admin.GetAsync($"/api/analytics/quality/breakdown?batch_id={run}");
            return breakdown.IsSuccessStatusCode
                && JsonDocument.Parse(await breakdown.Content.ReadAsStringAsync()).RootElement.GetProperty("sample_size").GetInt64() == 2;
        }, $"analytics has run {run}");
        var response = (await api.ResponsesAsync(experiment, run)).GetProperty("items")[0].GetProperty("id").GetGuid();
        return new Person(id, client, key, experiment, run, response);
    }

    /// <summary>
    /// Waits until the key authenticates: on a loaded machine a fresh identity service can outlast the gateway's 5 s
    /// deadline (503 "try again shortly").
    /// </summary>
    private static Task AnswersAsync(HttpClient client) =>
        EventuallyAsync(async () => (await client.GetAsync("/api/me")).StatusCode == HttpStatusCode.OK, "the key authenticates");

    private static async Task<long> SampleSizeAsync(HttpClient client) =>
        (await new PlatformApi(client).GetAsync("/api/analytics/quality/breakdown")).GetProperty("sample_size").GetInt64();

    private static List<Guid> Ids(JsonElement page, string field) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty(field).GetGuid()).ToList();

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not reached in time: {what}");
            await Task.Delay(250);
        }
    }
}
