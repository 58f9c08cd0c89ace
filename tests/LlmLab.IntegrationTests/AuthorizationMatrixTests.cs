using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.Gateway.Authorization;
using LlmLab.IntegrationTests.Platform;
using LlmLab.TestKit;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.Authorization;
using Microsoft.AspNetCore.Http;

namespace LlmLab.IntegrationTests;

/// <summary>
/// Every route of API.md × every role of the data's tenant × every role of another tenant: 403 naming the permission
/// exactly where the matrix says so, never 401 or 5xx, and no data of the owner in the body of a caller who may not see it.
/// </summary>
[Collection(PlatformCollection.Name)]
public class AuthorizationMatrixTests(PlatformFixture platform)
{
    private sealed record Owned(Guid Experiment, Guid Run, Guid Response, Guid KeyId, Guid UserId, string Marker, string Email)
    {
        public string[] Values =>
            [Marker, Email, Experiment.ToString(), Run.ToString(), Response.ToString(), KeyId.ToString(), UserId.ToString()];
    }

    private sealed record Call(string Method, string Path, object? Body = null, bool Stream = false);

    private static List<Call> Routes(Owned a)
    {
        var missing = Guid.NewGuid();
        return
        [
            new("GET", "/api/experiments"), new("GET", $"/api/experiments/{a.Experiment}"),
            new("POST", "/api/experiments", Tiny($"created-{Guid.NewGuid():N}")),
            new("PUT", $"/api/experiments/{a.Experiment}", new { description = "changed by the matrix" }),
            new("DELETE", $"/api/experiments/{missing}"), new("GET", $"/api/experiments/{a.Experiment}/progress", Stream: true),
            new("POST", "/api/responses/generate", new { experiment_id = a.Experiment }),
            new("GET", $"/api/responses/{a.Experiment}"), new("GET", $"/api/responses/single/{a.Response}"),
            new("GET", $"/api/metrics/{a.Response}"), new("POST", "/api/metrics/batch", new { response_ids = new[] { a.Response } }),
            new("POST", "/api/metrics/compare", new { response_ids = new[] { a.Response } }),
            new("POST", "/api/experiments/batch", new { }), new("GET", "/api/experiments/batch"),
            new("GET", $"/api/experiments/batch/{a.Run}"), new("GET", $"/api/experiments/batch/{a.Run}/status"),
            new("GET", $"/api/experiments/batch/{a.Run}/progress", Stream: true),
            new("POST", $"/api/experiments/batch/{a.Run}/start"), new("POST", $"/api/experiments/batch/{a.Run}/pause"),
            new("DELETE", $"/api/experiments/batch/{missing}"), new("GET", $"/api/experiments/batch/{a.Run}/analysis"),
            new("GET", $"/api/experiments/batch/{a.Run}/optimization"), new("GET", $"/api/experiments/batch/{a.Run}/insights"),
            new("GET", $"/api/experiments/batch/{a.Run}/responses"), new("GET", $"/api/experiments/batch/{a.Run}/heatmap"),
            new("GET", $"/api/experiments/batch/{a.Run}/matrix"), new("GET", "/api/experiments/batch/estimate?calls=10"), new("GET", "/api/analytics/summary"),
            new("GET", $"/api/experiments/batch/compare?run_ids={a.Run},{missing}"),
            new("GET", "/api/analytics/quality/trends"), new("GET", $"/api/analytics/quality/breakdown?run_id={a.Run}"),
            new("GET", "/api/analytics/models/comparison"), new("GET", $"/api/analytics/parameters/optimization?batch_id={a.Run}"),
            new("GET", $"/api/analytics/parameters/correlation?batch_id={a.Run}"), new("GET", "/api/analytics/parameters/insights"),
            new("GET", $"/api/export/{a.Experiment}"), new("GET", $"/api/export/{a.Experiment}/csv"),
            new("POST", "/api/export/batch", new { batch_id = a.Run, format = "csv" }),
            new("GET", $"/api/export/analytics/correlation?batch_id={a.Run}&format=csv"),
            new("POST", "/api/export/custom", new { format = "json", fields = new[] { "response_id", "content" }, filters = new { batch_id = a.Run } }),
            new("GET", "/api/llm/provider"), new("GET", "/api/llm/models"),
            new("POST", "/api/llm/provider/switch", new { provider = "", model = "" }),
            new("POST", "/v1/chat/completions", new { model = "local", max_tokens = 3, messages = new[] { new { role = "user", content = "Hi" } } }),
            new("POST", "/api/quality/analyze", new { text = "Rain forms in clouds.", prompt = "Explain rain." }),
            new("GET", "/api/me"),
            new("GET", "/api/admin/keys"), new("GET", $"/api/admin/keys/{a.KeyId}"), new("POST", "/api/admin/keys", new { }),
            new("DELETE", $"/api/admin/keys/{missing}"),
            new("GET", "/api/admin/users"), new("GET", $"/api/admin/users/{a.UserId}"), new("POST", "/api/admin/users", new { }),
            new("PUT", $"/api/admin/users/{a.UserId}", new { role = "nobody" }), new("DELETE", $"/api/admin/users/{missing}"),
            new("GET", "/api/admin/organisations"), new("GET", "/api/admin/organisations/dev"),
            new("PUT", "/api/admin/organisations/dev", new { name = "" }),
            new("GET", "/api/audit"),
        ];
    }

    private static object Tiny(string name) => new
    {
        name, prompt = $"Explain rain ({name}).", provider = "local", temperature_min = 0.5, top_p_min = 1.0, max_tokens = 5, response_count = 1,
    };

    [Fact]
    public async Task Every_route_answers_every_role_of_both_tenants_as_the_matrix_says_without_foreign_data()
    {
        var owner = await SeedAsync();
        await CheckAsync(Routes(owner), owner.Values);
        using var admin = platform.CreateClient();
        var still = await PlatformApi.ReadAsync(await admin.GetAsync($"/api/experiments/{owner.Experiment}"), HttpStatusCode.OK);
        Assert.Equal(owner.Marker, still.GetProperty("name").GetString());
    }

    /// <summary>
    /// The routes of the services added after the first matrix: datasets, evaluations, knowledge, training, gates, alerts,
    /// webhooks, feedback, annotation queues, budgets and /v1 beyond chat. The other tenant must get 404 or nothing of dev's, never its data.
    /// </summary>
    [Fact]
    public async Task Every_route_of_the_newer_services_answers_as_the_matrix_says_without_foreign_data()
    {
        var owner = await SeedAsync();
        using var admin = platform.CreateClient();
        var marker = $"wagtail{Guid.NewGuid():N}"[..22];
        var newer = new OwnedNewer(owner, marker, await TenantSeed.DocumentAsync(admin, "matrix", marker),
            await TenantSeed.DatasetAndEvaluationAsync(admin, $"matrix {marker}"), await TenantSeed.TrainingJobAsync(admin, "matrix"),
            await SeedWebhookAsync(admin), $"feedback-{marker}", await SeedQueueAsync(admin, owner.Run));
        await PlatformApi.ReadAsync(await admin.PostAsJsonAsync($"/api/responses/{owner.Response}/feedback", new { score = 4, comment = newer.FeedbackComment }),
            HttpStatusCode.Created);
        await PlatformApi.ReadAsync(await admin.PutAsJsonAsync($"/api/experiments/{owner.Experiment}/gates",
            new[] { new { metric = "overall_score", op = ">=", value = 0.0 } }), HttpStatusCode.OK);

        await CheckAsync(NewerRoutes(newer), newer.Values);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/datasets/{newer.Dataset}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/training/jobs/{newer.TrainingJob}")).StatusCode);
        Assert.Contains(newer.Document, await new Knowledge.KnowledgeApi(admin).DocumentsFoundAsync(marker, null, "bm25"));
    }

    private sealed record OwnedNewer(Owned Base, string Marker, Guid Document, (Guid Dataset, Guid Evaluation) Evaluated, Guid TrainingJob,
        Guid Webhook, string FeedbackComment, Guid Queue)
    {
        public Guid Dataset => Evaluated.Dataset;
        public Guid Evaluation => Evaluated.Evaluation;

        public string[] Values =>
        [
            .. Base.Values, Marker, Document.ToString(), Dataset.ToString(), Evaluation.ToString(), TrainingJob.ToString(), Webhook.ToString(),
            FeedbackComment, Queue.ToString(),
        ];
    }

    private static List<Call> NewerRoutes(OwnedNewer a)
    {
        var missing = Guid.NewGuid();
        var run = a.Base.Run;
        return
        [
            new("GET", "/api/datasets"), new("GET", $"/api/datasets/{a.Dataset}"), new("GET", $"/api/datasets/{a.Dataset}/items"),
            new("POST", "/api/datasets", new { }), new("POST", $"/api/datasets/{a.Dataset}/versions", new { }),
            new("DELETE", $"/api/datasets/{missing}"),
            new("GET", "/api/evaluations"), new("GET", $"/api/evaluations/{a.Evaluation}"), new("GET", $"/api/evaluations/{a.Evaluation}/status"),
            new("GET", $"/api/evaluations/{a.Evaluation}/items"), new("GET", $"/api/evaluations/{a.Evaluation}/comparison"),
            new("GET", $"/api/evaluations/{a.Evaluation}/progress", Stream: true), new("POST", "/api/evaluations", new { }),
            new("POST", $"/api/evaluations/{a.Evaluation}/pause"), new("DELETE", $"/api/evaluations/{missing}"),
            new("GET", "/api/documents"), new("GET", $"/api/documents/{a.Document}"), new("DELETE", $"/api/documents/{missing}"),
            new("POST", "/api/knowledge/search", new { query = a.Marker, mode = "bm25", top_k = 5 }),
            new("POST", "/api/knowledge/search", new { query = a.Marker, mode = "dense", top_k = 5 }),
            new("POST", "/v1/embeddings", new { input = a.Marker }), new("GET", "/v1/models"),
            new("GET", "/api/training/jobs"), new("GET", $"/api/training/jobs/{a.TrainingJob}"),
            new("GET", $"/api/training/jobs/{a.TrainingJob}/report"), new("POST", "/api/training/jobs", new { }),
            new("POST", $"/api/training/jobs/{missing}/cancel"),
            new("GET", "/api/test-submissions"), new("GET", "/api/test-submissions/agreement"), new("POST", "/api/test-submissions", new { }),
            new("GET", $"/api/experiments/{a.Base.Experiment}/gates"),
            new("PUT", $"/api/experiments/{a.Base.Experiment}/gates", new[] { new { metric = "overall_score", op = ">=", value = 0.0 } }),
            new("GET", $"/api/runs/{run}/gate"),
            new("GET", $"/api/evaluations/{a.Evaluation}/gates"),
            new("PUT", $"/api/evaluations/{a.Evaluation}/gates", new[] { new { metric = "exact_match", op = ">=", value = 0.0 } }),
            new("GET", $"/api/evaluations/{a.Evaluation}/gate"), new("GET", $"/api/runs/{a.Evaluation}/gate"),
            new("DELETE", $"/api/evaluations/{missing}/gates"),
            new("GET", "/api/alerts"), new("GET", "/api/alerts/stream", Stream: true), new("POST", $"/api/alerts/{missing}/ack"),
            new("POST", $"/api/alerts/{missing}/resolve"), new("GET", "/api/events/stream", Stream: true), new("POST", "/api/events/stream-token"),
            new("GET", "/api/webhooks"), new("GET", $"/api/webhooks/{a.Webhook}/deliveries"), new("POST", "/api/webhooks", new { }),
            new("DELETE", $"/api/webhooks/{missing}"),
            new("GET", $"/api/responses/{a.Base.Response}/feedback"), new("POST", $"/api/responses/{a.Base.Response}/feedback", new { score = 9 }),
            new("GET", "/api/feedback/agreement"),
            new("GET", "/api/feedback/profiles"), new("GET", "/api/feedback/profiles/none"), new("POST", "/api/feedback/calibrate", new { name = "x" }),
            new("GET", "/api/annotation-queues"), new("GET", $"/api/annotation-queues/{a.Queue}"), new("GET", $"/api/annotation-queues/{a.Queue}/next"),
            new("POST", "/api/annotation-queues", new { }), new("POST", $"/api/annotation-queues/{a.Queue}/items/{missing}/skip"),
            new("DELETE", $"/api/annotation-queues/{missing}"), new("POST", $"/api/datasets/{a.Dataset}/versions/from-feedback", new { }),
            new("GET", $"/api/analytics/methods/comparison?run_a={run}&run_b={run}"),
            new("GET", "/api/budgets"), new("PUT", "/api/budgets", new { daily_usd = -1.0 }),
            new("GET", "/api/llm/providers"),
            new("GET", "/v1/models/local"),
            new("POST", "/v1/completions", new { model = "local", prompt = "Hi", max_tokens = 3 }),
            new("POST", "/v1/responses", new { model = "local", input = "Hi", max_output_tokens = 16 }),
            new("POST", $"/api/experiments/batch/{run}/progress-token"),
            // Auto-optimisation: a budget of 0 is refused (nothing starts) where the caller may start one, 404 for another tenant.
            new("POST", $"/api/experiments/batch/{run}/optimize", new { strategy = "bayesian", budget_calls = 0 }),
            new("GET", $"/api/experiments/batch/{run}/optimize"), new("GET", $"/api/experiments/batch/{run}/optimize/{missing}"),
            new("DELETE", $"/api/experiments/batch/{run}/optimize/{missing}"),
        ];
    }

    /// <summary>An annotation queue of tenant dev over its run, reviewed by the bootstrap admin only.</summary>
    private static async Task<Guid> SeedQueueAsync(HttpClient admin, Guid run)
    {
        var me = (await new PlatformApi(admin).GetAsync("/api/me")).GetProperty("subject_id").GetString();
        using var created = await admin.PostAsJsonAsync("/api/annotation-queues", new { run_id = run, reviewers = new[] { me } });
        return (await PlatformApi.ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>A webhook of tenant dev pointing at a receiver of this test.</summary>
    private static async Task<Guid> SeedWebhookAsync(HttpClient admin)
    {
        await using var receiver = await WebhookReceiver.StartAsync("matrix-webhook-secret-0123");
        using var created = await admin.PostAsJsonAsync("/api/webhooks", new { url = receiver.Url, events = new[] { "alert.regression" }, secret = "matrix-webhook-secret-0123" });
        return (await PlatformApi.ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// Every route × every role of dev and of another tenant: 403 naming the permission exactly where the table says so,
    /// never 401 or 5xx, and none of <paramref name="ownerValues"/> in the body of a caller who may not see them.
    /// </summary>
    private async Task CheckAsync(List<Call> routes, string[] ownerValues)
    {
        var identity = new IdentityApi(platform);
        var organisation = $"other-{Guid.NewGuid():N}"[..20];
        var (exit, output) = await identity.CreateAdminAsync("--organisation", organisation, "--email", "other@example.com");
        Assert.True(exit == 0, output);
        using var otherAdmin = platform.CreateClient(IdentityApi.KeyFromOutput(output));

        var callers = new List<(string Tenant, string Role, HttpClient Client)>();
        foreach (var role in Roles.All)
        {
            callers.Add(("dev", role, platform.CreateClient((await identity.IssueKeyAsync(role)).Key)));
            callers.Add((organisation, role, platform.CreateClient((await identity.IssueKeyAsync(role, otherAdmin)).Key)));
        }

        var failures = new List<string>();
        var requests = 0;
        // The audit log lists the paths callers sent, owner's ids included: those are the reader's own requests.
        var sentByAnyone = string.Join("\n", routes.Select(Sent));
        foreach (var call in routes)
        {
            var rule = RoutePermissions.For(new PathString(call.Path.Split('?')[0]), call.Method);
            var answers = await Task.WhenAll(callers.Select(c => SendAsync(c.Client, call)));
            foreach (var ((tenant, role, _), (status, body)) in callers.Zip(answers))
            {
                requests++;
                var label = $"{call.Method} {call.Path} as {role} of {tenant}: {status}";
                var allowed = rule.Permission == RoutePermissions.Authenticated || Permissions.Allows(role, [], rule.Permission, rule.OwnerScoped);
                if (status is >= 500 or 401) failures.Add($"{label} {Clip(body)}");
                else if (!allowed && (status != 403 || !body.Contains(rule.Permission, StringComparison.Ordinal)))
                    failures.Add($"{label}, expected 403 naming {rule.Permission}");
                else if (allowed && status == 403) failures.Add($"{label}, expected {rule.Permission} to be granted");
                // A user sees only its own rows where the route is owner-scoped; tenant-wide routes it may use (the
                // knowledge base) are the team's.
                var mayReadOwnersData = tenant == "dev" && (role != Roles.User || (allowed && !rule.OwnerScoped));
                var sent = call.Path == "/api/audit" ? sentByAnyone : Sent(call);
                if (!mayReadOwnersData && Leaks(ownerValues, sent, body) is { } leaked) failures.Add($"{label} leaks {leaked}");
            }
        }
        foreach (var (_, _, client) in callers) client.Dispose();

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} answers wrong:\n{string.Join("\n", failures)}");
    }

    /// <summary>Tenant dev's data: an experiment with a finished run and a response, a key and a user.</summary>
    private async Task<Owned> SeedAsync()
    {
        var identity = new IdentityApi(platform);
        using var admin = platform.CreateClient();
        await PlatformReadiness.WaitUntilHealthyAsync(admin, TimeSpan.FromMinutes(5));
        var api = new PlatformApi(admin);
        var marker = $"matrix-{Guid.NewGuid():N}";
        var experiment = await api.CreateExperimentAsync(Tiny(marker));
        var run = await api.GenerateAsync(experiment);
        await api.WaitForRunAsync(run, TimeSpan.FromMinutes(2));
        var responses = await api.ResponsesAsync(experiment, run);
        var response = responses.GetProperty("items")[0].GetProperty("id").GetGuid();
        var key = await identity.IssueKeyAsync(Roles.Analyst);
        var email = $"{marker}@example.com";
        var user = await PlatformApi.ReadAsync(await admin.PostAsJsonAsync("/api/admin/users", new { email, name = marker, role = "analyst" }),
            HttpStatusCode.Created);
        return new Owned(experiment, run, response, key.Id, user.GetProperty("id").GetGuid(), marker, email);
    }

    private static async Task<(int Status, string Body)> SendAsync(HttpClient client, Call call)
    {
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Path);
        if (call.Body is not null) request.Content = JsonContent.Create(call.Body);
        using var response = await client.SendAsync(request, call.Stream ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead);
        // A progress stream of a finished run may stay open: its status is what counts, and a caller refused gets a body.
        var body = call.Stream && response.IsSuccessStatusCode ? "" : await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, body);
    }

    /// <summary>The first of the owner's values found in a body, ignoring those the caller itself sent.</summary>
    private static string? Leaks(string[] ownerValues, string sent, string body) =>
        ownerValues.FirstOrDefault(v => !sent.Contains(v, StringComparison.Ordinal) && body.Contains(v, StringComparison.Ordinal));

    private static string Sent(Call call) => call.Path + (call.Body is null ? "" : JsonSerializer.Serialize(call.Body));

    private static string Clip(string body) => body.Length <= 300 ? body : body[..300];
}
