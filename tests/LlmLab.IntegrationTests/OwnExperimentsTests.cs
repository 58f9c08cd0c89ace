using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// Role user within one tenant: runs, responses, exports and analytics views cover only the experiments the user
/// created; another user of the same tenant gets 404 on every one of those ids and never sees their data, while the
/// tenant's admin sees everyone's.
/// </summary>
[Collection(PlatformCollection.Name)]
public class OwnExperimentsTests(PlatformFixture platform)
{
    private sealed record Work(Guid Experiment, Guid Run, Guid Batch, Guid Response);

    private sealed record Call(string Method, string Path, object? Body = null);

    [Fact]
    public async Task A_user_sees_and_changes_only_runs_responses_exports_and_analytics_of_their_own_experiments()
    {
        var identity = new IdentityApi(platform);
        var organisation = $"own-{Guid.NewGuid():N}"[..20];
        var (exit, output) = await identity.CreateAdminAsync("--organisation", organisation, "--email", "admin@example.com");
        Assert.True(exit == 0, output);
        using var admin = platform.CreateClient(IdentityApi.KeyFromOutput(output));
        using var una = await UserAsync(identity, admin, "una");
        using var ugo = await UserAsync(identity, admin, "ugo");

        var unaWork = await RunAsync(una, admin, "una");
        var ugoWork = await RunAsync(ugo, admin, "ugo");

        // The owner reaches every route of their runs, responses, exports and analytics.
        foreach (var call in Routes(unaWork, ugoWork.Run))
        {
            var (status, body) = await SendAsync(una, call);
            Assert.True(status is >= 200 and < 300 || (call.Path.Contains("/methods/comparison") && status == 422),
                $"{call.Method} {call.Path} as its owner: {status} {body}");
            Assert.DoesNotContain(ugoWork.Response.ToString(), body);
        }
        foreach (var call in Mutations(unaWork))
        {
            var (status, body) = await SendAsync(una, call);
            Assert.True(status is not (404 or 403 or >= 500), $"{call.Method} {call.Path} as its owner: {status} {body}");
        }

        // Another user of the same tenant: 404 on every id of the first, and none of its data in any answer.
        var sentByUgo = new List<string>();
        foreach (var call in Routes(unaWork, ugoWork.Run).Concat(Mutations(unaWork)))
        {
            var (status, body) = await SendAsync(ugo, call);
            sentByUgo.Add(call.Path + JsonSerializer.Serialize(call.Body));
            Assert.True(status == 404, $"{call.Method} {call.Path} as another user: {status} {body}");
            foreach (var id in new[] { unaWork.Experiment, unaWork.Run, unaWork.Batch, unaWork.Response })
                Assert.False(body.Contains(id.ToString(), StringComparison.Ordinal) && !call.Path.Contains(id.ToString(), StringComparison.Ordinal)
                    && !JsonSerializer.Serialize(call.Body).Contains(id.ToString(), StringComparison.Ordinal), $"{call.Method} {call.Path} leaks {id}");
        }
        Assert.Equal("completed", (await new PlatformApi(una).StatusAsync(unaWork.Run)).GetProperty("status").GetString());

        // Lists, tenant-wide views and custom exports narrow to the caller's own runs.
        Assert.Equal(Sorted(unaWork.Run, unaWork.Batch), await RunIdsAsync(una));
        Assert.Equal(Sorted(ugoWork.Run, ugoWork.Batch), await RunIdsAsync(ugo));
        Assert.Equal(Sorted(unaWork.Run, unaWork.Batch, ugoWork.Run, ugoWork.Batch), await RunIdsAsync(admin));
        Assert.Equal(4, await SampleSizeAsync(una));
        Assert.Equal(4, await SampleSizeAsync(ugo));
        Assert.Equal(8, await SampleSizeAsync(admin));
        var unaRows = await CustomExportAsync(una);
        Assert.Equal(4, unaRows.Count);
        Assert.Contains(unaWork.Response.ToString(), unaRows);
        Assert.DoesNotContain(ugoWork.Response.ToString(), unaRows);
        Assert.Equal(8, (await CustomExportAsync(admin)).Count);
    }

    /// <summary>Every read of a user's run, responses, exports and analytics, by the ids of <paramref name="own"/>.</summary>
    private static List<Call> Routes(Work own, Guid otherRun) =>
    [
        new("GET", $"/api/experiments/batch/{own.Run}"), new("GET", $"/api/experiments/batch/{own.Run}/status"),
        new("GET", $"/api/experiments/batch/{own.Batch}/status"), new("GET", $"/api/experiments/batch/{own.Run}/items"),
        new("GET", $"/api/experiments/batch/{own.Run}/progress"), new("GET", $"/api/experiments/{own.Experiment}/progress"),
        new("GET", $"/api/experiments/batch/{own.Run}/analysis"), new("GET", $"/api/experiments/batch/{own.Run}/optimization"),
        new("GET", $"/api/experiments/batch/{own.Run}/insights"),
        new("GET", $"/api/responses/{own.Experiment}"), new("GET", $"/api/responses/single/{own.Response}"), new("GET", $"/api/metrics/{own.Response}"),
        new("GET", $"/api/export/{own.Experiment}"), new("GET", $"/api/export/{own.Experiment}/csv"),
        new("POST", "/api/export/batch", new { batch_id = own.Run, format = "csv" }),
        new("POST", "/api/export/batch", new { batch_id = own.Batch, format = "json" }),
        new("GET", $"/api/analytics/quality/breakdown?batch_id={own.Run}"), new("GET", $"/api/analytics/quality/trends?experiment_id={own.Experiment}"),
        new("GET", $"/api/analytics/models/comparison?batch_id={own.Batch}"), new("GET", $"/api/analytics/parameters/optimization?run_id={own.Run}"),
        new("GET", $"/api/analytics/parameters/correlation?batch_id={own.Run}"), new("GET", $"/api/analytics/parameters/insights?batch_id={own.Run}"),
        new("GET", $"/api/export/analytics/correlation?batch_id={own.Run}&format=csv"),
        new("GET", $"/api/analytics/methods/comparison?run_a={own.Run}&run_b={own.Batch}"),
    ];

    /// <summary>Changes of a user's runs (last: the delete, so the reads above still find the run).</summary>
    private static List<Call> Mutations(Work own) =>
    [
        new("POST", $"/api/experiments/batch/{own.Run}/pause"), new("POST", $"/api/experiments/batch/{own.Run}/retry-errors"),
        new("POST", $"/api/experiments/batch/{own.Run}/rescore"), new("POST", $"/api/experiments/batch/{own.Run}/start"),
    ];

    private async Task<HttpClient> UserAsync(IdentityApi identity, HttpClient admin, string name)
    {
        var person = await PlatformApi.ReadAsync(await admin.PostAsJsonAsync("/api/admin/users",
            new { email = $"{name}-{Guid.NewGuid():N}@example.com", name, role = "user" }), HttpStatusCode.Created);
        return platform.CreateClient((await identity.IssueKeyAsync("user", admin, userId: person.GetProperty("id").GetGuid())).Key);
    }

    /// <summary>The user's experiment run once (two calls) and a two-call batch of its own, both scored and in analytics.</summary>
    private static async Task<Work> RunAsync(HttpClient user, HttpClient admin, string name)
    {
        var api = new PlatformApi(user);
        var experiment = await api.CreateExperimentAsync(new
        {
            name = $"own {name}", prompt = "Explain how rain forms.", provider = "local",
            temperature_min = 0.5, temperature_max = 0.5, temperature_step = 0.1, top_p_min = 1.0, top_p_max = 1.0, top_p_step = 0.1,
            max_tokens = 20, response_count = 2, seed = 7,
        });
        var run = await api.GenerateAsync(experiment);
        var batch = await api.StartBatchAsync($"own batch {name}", "local", 2);
        foreach (var id in new[] { run, batch })
        {
            Assert.Equal("completed", (await api.WaitForRunAsync(id, TimeSpan.FromMinutes(2))).GetProperty("status").GetString());
            await EventuallyAsync(async () =>
            {
                using var breakdown = await admin.GetAsync($"/api/analytics/quality/breakdown?batch_id={id}");
                return breakdown.IsSuccessStatusCode
                    && JsonDocument.Parse(await breakdown.Content.ReadAsStringAsync()).RootElement.GetProperty("sample_size").GetInt64() == 2;
            }, $"analytics has run {id}");
        }
        var response = (await api.ResponsesAsync(experiment, run)).GetProperty("items")[0].GetProperty("id").GetGuid();
        return new Work(experiment, run, batch, response);
    }

    private static async Task<(int Status, string Body)> SendAsync(HttpClient client, Call call)
    {
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Path);
        if (call.Body is not null) request.Content = JsonContent.Create(call.Body);
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<List<Guid>> RunIdsAsync(HttpClient client) =>
        (await new PlatformApi(client).GetAsync("/api/experiments/batch?page_size=100")).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("id").GetGuid()).Order().ToList();

    private static async Task<long> SampleSizeAsync(HttpClient client) =>
        (await new PlatformApi(client).GetAsync("/api/analytics/quality/breakdown")).GetProperty("sample_size").GetInt64();

    private static async Task<List<string>> CustomExportAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/export/custom", new { format = "json", fields = new[] { "response_id" } });
        var rows = await PlatformApi.ReadAsync(response, HttpStatusCode.OK);
        return rows.EnumerateArray().Select(r => r.GetProperty("response_id").GetString()!).ToList();
    }

    private static List<Guid> Sorted(params Guid[] ids) => ids.Order().ToList();

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
