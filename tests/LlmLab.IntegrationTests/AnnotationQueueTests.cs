using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// Annotation queues through the gateway: a manager deals a run of the built-in engine to two reviewers, each reviews
/// their own items (one skipped and taken again last), progress per reviewer; a reviewer not in the queue and another
/// tenant see nothing. Corrected answers on an evaluation's answers become a new version of its dataset.
/// </summary>
[Collection(PlatformCollection.Name)]
public class AnnotationQueueTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    [Fact]
    public async Task Two_reviewers_each_review_their_dealt_responses_and_the_queue_shows_their_progress()
    {
        var (_, run) = await ScoredRun.CreateAsync(_api, $"annotate-{Guid.NewGuid():N}");
        var (alice, aliceClient) = await ReviewerAsync("alice");
        var (bob, bobClient) = await ReviewerAsync("bob");
        var (_, outsiderClient) = await ReviewerAsync("outsider");

        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/annotation-queues",
            new { run_id = run, reviewers = new[] { alice, bob }, reviewers_per_response = 3 }), HttpStatusCode.UnprocessableEntity, "reviewers_per_response");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/annotation-queues",
            new { run_id = Guid.NewGuid(), reviewers = new[] { alice } }), HttpStatusCode.NotFound, "run_id");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/annotation-queues",
            new { run_id = run, reviewers = new[] { alice, "nobody" } }), HttpStatusCode.UnprocessableEntity, "reviewers[1]");

        var queue = await PlatformApi.ReadAsync(await _api.Client.PostAsJsonAsync("/api/annotation-queues",
            new { name = "rain review", run_id = run, reviewers = new[] { alice, bob }, sample_size = 10, seed = 3 }), HttpStatusCode.Created);
        var id = queue.GetProperty("id").GetGuid();
        Assert.Equal("batch", queue.GetProperty("run_kind").GetString());
        Assert.Equal(10, queue.GetProperty("responses").GetInt32());
        Assert.All(queue.GetProperty("reviewers").EnumerateArray(), r => Assert.Equal(5, r.GetProperty("assigned").GetInt32()));

        // Bob skips his first item: it comes back after his other four.
        var bobFirst = await NextAsync(bobClient, id);
        Assert.Equal(HttpStatusCode.NoContent, (await bobClient.PostAsync($"/api/annotation-queues/{id}/items/{bobFirst!.Value.GetProperty("item_id")}/skip", null)).StatusCode);
        var aliceReviewed = await ReviewAllAsync(aliceClient, id);
        var bobReviewed = await ReviewAllAsync(bobClient, id);
        Assert.Equal(5, aliceReviewed.Count);
        Assert.Equal(5, bobReviewed.Count);
        Assert.Equal(bobFirst.Value.GetProperty("response_id").GetGuid(), bobReviewed[^1]);
        Assert.Empty(aliceReviewed.Intersect(bobReviewed));

        var progress = await _api.GetAsync($"/api/annotation-queues/{id}");
        Assert.Equal(10, progress.GetProperty("done").GetInt32());
        Assert.Equal([alice, bob], progress.GetProperty("reviewers").EnumerateArray().Select(r => r.GetProperty("reviewer").GetString()));
        Assert.All(progress.GetProperty("reviewers").EnumerateArray(), r => Assert.Equal(5, r.GetProperty("done").GetInt32()));
        // The reviewers' feedback is the responses' feedback, as if given without the queue.
        var given = await new PlatformApi(aliceClient).GetAsync($"/api/responses/{aliceReviewed[0]}/feedback");
        Assert.Equal(alice, Assert.Single(given.EnumerateArray()).GetProperty("reviewer").GetString());
        Assert.Contains(id, (await new PlatformApi(bobClient).GetAsync("/api/annotation-queues")).GetProperty("items").EnumerateArray()
            .Select(q => q.GetProperty("id").GetGuid()));

        // Not a reviewer of the queue, or another tenant: nothing of it.
        await PlatformApi.ExpectProblemAsync(await outsiderClient.GetAsync($"/api/annotation-queues/{id}/next"), HttpStatusCode.NotFound, "id");
        await PlatformApi.ExpectProblemAsync(await outsiderClient.GetAsync($"/api/annotation-queues/{id}"), HttpStatusCode.NotFound, "id");
        Assert.Empty((await new PlatformApi(outsiderClient).GetAsync("/api/annotation-queues")).GetProperty("items").EnumerateArray());
        using var other = await OtherTenantAsync();
        foreach (var path in new[] { $"/api/annotation-queues/{id}", $"/api/annotation-queues/{id}/next" })
            await PlatformApi.ExpectProblemAsync(await other.GetAsync(path), HttpStatusCode.NotFound, "id");
        Assert.Empty((await new PlatformApi(other).GetAsync("/api/annotation-queues")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/annotation-queues/{id}")).StatusCode);
        await PlatformApi.ExpectProblemAsync(await other.PostAsJsonAsync($"/api/responses/{aliceReviewed[0]}/feedback", new { score = 1 }),
            HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task Corrected_answers_on_an_evaluation_become_the_references_of_a_new_dataset_version()
    {
        await PlatformReadiness.WaitUntilHealthyAsync(_api.Client, TimeSpan.FromMinutes(5));
        var (dataset, evaluation) = await TenantSeed.DatasetAndEvaluationAsync(_api.Client, $"annotate {Guid.NewGuid():N}");
        var me = (await _api.GetAsync("/api/me")).GetProperty("subject_id").GetString()!;

        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync($"/api/datasets/{dataset}/versions/from-feedback", new { run_id = evaluation }),
            HttpStatusCode.UnprocessableEntity, "run_id");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync($"/api/datasets/{dataset}/versions/from-feedback", new { }),
            HttpStatusCode.UnprocessableEntity, "run_id");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync($"/api/datasets/{dataset}/versions/from-feedback", new { run_id = Guid.NewGuid() }),
            HttpStatusCode.UnprocessableEntity, "run_id");

        var queue = await PlatformApi.ReadAsync(await _api.Client.PostAsJsonAsync("/api/annotation-queues",
            new { run_id = evaluation, reviewers = new[] { me } }), HttpStatusCode.Created);
        var id = queue.GetProperty("id").GetGuid();
        Assert.Equal("evaluation", queue.GetProperty("run_kind").GetString());
        Assert.Equal(2, queue.GetProperty("responses").GetInt32());
        string? corrected = null;
        while (await NextAsync(_api.Client, id) is { } item)
        {
            Assert.Contains(item.GetProperty("reference_answer").GetString(), new[] { "Paris", "Tokyo" });
            var france = item.GetProperty("prompt").GetString() == "Capital of France?";
            if (france) corrected = "Paris, on the Seine";
            await PlatformApi.ReadAsync(await _api.Client.PostAsJsonAsync($"/api/responses/{item.GetProperty("response_id")}/feedback",
                new { score = france ? 2 : 5, corrected_answer = france ? corrected : null }), HttpStatusCode.Created);
        }
        Assert.NotNull(corrected);

        var created = await PlatformApi.ReadAsync(await _api.Client.PostAsJsonAsync($"/api/datasets/{dataset}/versions/from-feedback",
            new { run_id = evaluation }), HttpStatusCode.Created);
        Assert.Equal(2, created.GetProperty("version").GetInt32());
        Assert.Equal(1, created.GetProperty("count").GetInt32());
        var change = Assert.Single(created.GetProperty("items_changed").EnumerateArray());
        Assert.Equal(("fr", corrected), (change.GetProperty("item_id").GetString(), change.GetProperty("reference_answer").GetString()));
        var items = (await _api.GetAsync($"/api/datasets/{dataset}/items?version=2")).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("answers").EnumerateArray().Select(a => a.GetString()).ToList());
        Assert.Equal([corrected], items["fr"]);
        Assert.Equal(["Tokyo"], items["jp"]);
        Assert.Equal(["Paris"], (await _api.GetAsync($"/api/datasets/{dataset}/items?version=1")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetString() == "fr").GetProperty("answers").EnumerateArray().Select(a => a.GetString()));

        using var other = await OtherTenantAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/datasets/{dataset}/versions/from-feedback", new { run_id = evaluation })).StatusCode);
    }

    /// <summary>An analyst user of tenant dev with its own key: (subject id, client).</summary>
    private async Task<(string Subject, HttpClient Client)> ReviewerAsync(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.com";
        var user = await PlatformApi.ReadAsync(await _api.Client.PostAsJsonAsync("/api/admin/users", new { email, name, role = "analyst" }), HttpStatusCode.Created);
        var key = await new IdentityApi(platform).IssueKeyAsync("analyst", userId: user.GetProperty("id").GetGuid());
        return (key.SubjectId, platform.CreateClient(key.Key));
    }

    private async Task<HttpClient> OtherTenantAsync()
    {
        var (exit, output) = await new IdentityApi(platform).CreateAdminAsync("--organisation", $"annot-{Guid.NewGuid():N}"[..20], "--email", "annot@example.com");
        Assert.True(exit == 0, output);
        return platform.CreateClient(IdentityApi.KeyFromOutput(output));
    }

    private static async Task<JsonElement?> NextAsync(HttpClient client, Guid queue)
    {
        using var response = await client.GetAsync($"/api/annotation-queues/{queue}/next");
        if (response.StatusCode == HttpStatusCode.NoContent) return null;
        return await PlatformApi.ReadAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Gives feedback on every item the reviewer has open, in the order the queue hands them out; the response ids.</summary>
    private static async Task<List<Guid>> ReviewAllAsync(HttpClient client, Guid queue)
    {
        var reviewed = new List<Guid>();
        while (await NextAsync(client, queue) is { } item)
        {
            var response = item.GetProperty("response_id").GetGuid();
            Assert.DoesNotContain(response, reviewed);
            Assert.False(string.IsNullOrEmpty(item.GetProperty("prompt").GetString()));
            Assert.False(string.IsNullOrEmpty(item.GetProperty("response").GetString()));
            await PlatformApi.ReadAsync(await client.PostAsJsonAsync($"/api/responses/{response}/feedback", new { score = 1 + reviewed.Count % 5 }),
                HttpStatusCode.Created);
            reviewed.Add(response);
        }
        return reviewed;
    }
}
