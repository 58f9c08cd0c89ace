using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.Gateway.Authorization;
using LlmLab.IntegrationTests.Platform;
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
    private sealed record Owned(Guid Experiment, Guid Run, Guid Response, Guid KeyId, Guid UserId, string Marker, string Email);

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
        var identity = new IdentityApi(platform);
        var owner = await SeedAsync(identity);
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
        var routes = Routes(owner);
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
                var mayReadOwnersData = tenant == "dev" && role != Roles.User;
                var sent = call.Path == "/api/audit" ? sentByAnyone : Sent(call);
                if (!mayReadOwnersData && Leaks(owner, sent, body) is { } leaked) failures.Add($"{label} leaks {leaked}");
            }
        }
        foreach (var (_, _, client) in callers) client.Dispose();

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} answers wrong:\n{string.Join("\n", failures)}");
        using var admin = platform.CreateClient();
        var still = await PlatformApi.ReadAsync(await admin.GetAsync($"/api/experiments/{owner.Experiment}"), HttpStatusCode.OK);
        Assert.Equal(owner.Marker, still.GetProperty("name").GetString());
    }

    /// <summary>Tenant dev's data: an experiment with a finished run and a response, a key and a user.</summary>
    private async Task<Owned> SeedAsync(IdentityApi identity)
    {
        using var admin = platform.CreateClient();
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
    private static string? Leaks(Owned owner, string sent, string body)
    {
        string[] values =
        [
            owner.Marker, owner.Email, owner.Experiment.ToString(), owner.Run.ToString(), owner.Response.ToString(), owner.KeyId.ToString(),
            owner.UserId.ToString(),
        ];
        return values.FirstOrDefault(v => !sent.Contains(v, StringComparison.Ordinal) && body.Contains(v, StringComparison.Ordinal));
    }

    private static string Sent(Call call) => call.Path + (call.Body is null ? "" : JsonSerializer.Serialize(call.Body));

    private static string Clip(string body) => body.Length <= 300 ? body : body[..300];
}
