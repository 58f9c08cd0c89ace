using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>Issued keys, revocation, roles, JWTs, the first admin and the audit log, through the real gateway and identity.</summary>
[Collection(PlatformCollection.Name)]
public class IdentityTests(PlatformFixture platform)
{
    private readonly IdentityApi _identity = new(platform);

    private HttpClient ClientWith(string key) => platform.CreateClient(key);

    private HttpClient ClientWithToken(string token)
    {
        var client = platform.CreateClient(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private static async Task<JsonElement> MeAsync(HttpClient client) =>
        await PlatformApi.ReadAsync(await client.GetAsync("/api/me"), HttpStatusCode.OK);

    private static async Task ExpectForbiddenAsync(HttpResponseMessage response, string permission)
    {
        var problem = await PlatformApi.ReadAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(permission, problem.GetProperty("permission").GetString());
        Assert.Contains(permission, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_issued_key_is_shown_once_listed_without_its_secret_and_identifies_its_caller()
    {
        var issued = await _identity.IssueKeyAsync("analyst");
        Assert.StartsWith("llk_", issued.Key, StringComparison.Ordinal);
        Assert.True(issued.Key.Length >= 47, "256 random bits in base64url after the prefix");

        using var admin = platform.CreateClient();
        var listText = await (await admin.GetAsync("/api/admin/keys?page_size=500")).Content.ReadAsStringAsync();
        Assert.Contains(issued.Id.ToString(), listText, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Key, listText, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Key[12..], listText, StringComparison.Ordinal);
        var one = await PlatformApi.ReadAsync(await admin.GetAsync($"/api/admin/keys/{issued.Id}"), HttpStatusCode.OK);
        Assert.False(one.TryGetProperty("key", out _));
        Assert.Equal("active", one.GetProperty("status").GetString());

        using var analyst = ClientWith(issued.Key);
        var me = await MeAsync(analyst);
        Assert.Equal("dev", me.GetProperty("tenant_id").GetString());
        Assert.Equal("analyst", me.GetProperty("role").GetString());
        Assert.Equal(issued.SubjectId, me.GetProperty("subject_id").GetString());
        Assert.Contains("experiments:create", me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.DoesNotContain("experiments:delete", me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_within_five_seconds()
    {
        var issued = await _identity.IssueKeyAsync("manager");
        using var manager = ClientWith(issued.Key);
        await MeAsync(manager); // the gateway now holds the answer in its cache

        using var admin = platform.CreateClient();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/keys/{issued.Id}")).StatusCode);
        var revokedAt = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            status = (await manager.GetAsync("/api/me")).StatusCode;
            if (status != HttpStatusCode.Unauthorized) await Task.Delay(200);
        }
        while (status != HttpStatusCode.Unauthorized && revokedAt.Elapsed < TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(revokedAt.Elapsed < TimeSpan.FromSeconds(5), $"refused after {revokedAt.Elapsed}");
        var listed = await PlatformApi.ReadAsync(await admin.GetAsync($"/api/admin/keys/{issued.Id}"), HttpStatusCode.OK);
        Assert.Equal("revoked", listed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Roles_are_enforced_at_the_gateway_with_403_naming_the_permission()
    {
        using var analyst = ClientWith((await _identity.IssueKeyAsync("analyst")).Key);
        using var manager = ClientWith((await _identity.IssueKeyAsync("manager")).Key);
        var created = await new PlatformApi(analyst).CreateExperimentAsync(PlatformApi.Grid3x3($"roles-{Guid.NewGuid():N}"));

        await ExpectForbiddenAsync(await analyst.DeleteAsync($"/api/experiments/{created}"), "experiments:delete");
        await ExpectForbiddenAsync(await analyst.GetAsync("/api/admin/users"), "users:read");
        await ExpectForbiddenAsync(await manager.PostAsJsonAsync("/api/admin/keys", new { name = "x", role = "admin" }), "keys:write");
        await ExpectForbiddenAsync(await manager.GetAsync("/api/quality/metrics"), "quality:read");
        await ExpectForbiddenAsync(await manager.GetAsync("/api/audit"), "audit:read");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/experiments/{created}")).StatusCode);
    }

    [Fact]
    public async Task A_key_s_scopes_narrow_its_role()
    {
        using var narrowed = ClientWith((await _identity.IssueKeyAsync("admin", scopes: ["experiments:read"])).Key);
        Assert.Equal(HttpStatusCode.OK, (await narrowed.GetAsync("/api/experiments")).StatusCode);
        await ExpectForbiddenAsync(await narrowed.PostAsJsonAsync("/api/experiments", PlatformApi.Grid3x3("scoped")), "experiments:create");

        using var admin = platform.CreateClient();
        await PlatformApi.ExpectProblemAsync(
            await admin.PostAsJsonAsync("/api/admin/keys", new { name = "bad", role = "admin", scopes = new[] { "everything" } }),
            (HttpStatusCode)422, "scopes");
        await PlatformApi.ExpectProblemAsync(
            await admin.PostAsJsonAsync("/api/admin/keys", new { name = "bad", role = "owner" }), (HttpStatusCode)422, "role");
        await PlatformApi.ExpectProblemAsync(
            await admin.PostAsJsonAsync("/api/admin/keys", new { name = "old", role = "user", expires_at = DateTimeOffset.UtcNow.AddDays(-1) }),
            (HttpStatusCode)422, "expires_at");
    }

    [Fact]
    public async Task A_user_sees_and_runs_only_their_own_experiments()
    {
        using var admin = platform.CreateClient();
        var person = await PlatformApi.ReadAsync(await admin.PostAsJsonAsync("/api/admin/users",
            new { email = $"u{Guid.NewGuid():N}@example.com", name = "Una", role = "user" }), HttpStatusCode.Created);
        var userKey = await _identity.IssueKeyAsync("user", userId: person.GetProperty("id").GetGuid());
        Assert.Equal(person.GetProperty("subject_id").GetString(), userKey.SubjectId);
        using var user = ClientWith(userKey.Key);
        var tag = Guid.NewGuid().ToString("N");
        var own = await new PlatformApi(user).CreateExperimentAsync(PlatformApi.Grid3x3($"own-{tag}"));
        var other = await new PlatformApi(admin).CreateExperimentAsync(PlatformApi.Grid3x3($"other-{tag}"));

        var list = await PlatformApi.ReadAsync(await user.GetAsync($"/api/experiments?q={tag}"), HttpStatusCode.OK);
        Assert.Equal([own.ToString()], list.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(userKey.SubjectId, list.GetProperty("items")[0].GetProperty("created_by").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync($"/api/experiments/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.DeleteAsync($"/api/experiments/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await user.PostAsJsonAsync("/api/responses/generate", new { experiment_id = other })).StatusCode);
        await ExpectForbiddenAsync(await user.GetAsync("/api/budgets"), "analytics:read");
        var adminList = await PlatformApi.ReadAsync(await admin.GetAsync($"/api/experiments?q={tag}"), HttpStatusCode.OK);
        Assert.Equal(2, adminList.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_signed_jwt_is_accepted_and_a_bad_one_refused()
    {
        var subject = $"ada-{Guid.NewGuid():N}";
        using var good = ClientWithToken(IdentityApi.SignJwt("dev", "analyst", subject));
        var me = await MeAsync(good);
        Assert.Equal("dev", me.GetProperty("tenant_id").GetString());
        Assert.Equal("analyst", me.GetProperty("role").GetString());
        Assert.Equal($"jwt:{subject}", me.GetProperty("subject_id").GetString());
        await ExpectForbiddenAsync(await good.DeleteAsync($"/api/experiments/{Guid.NewGuid()}"), "experiments:delete");

        var otherSecret = Convert.ToBase64String(new byte[32]);
        foreach (var token in new[]
        {
            IdentityApi.SignJwt("dev", "admin", subject, expires: DateTime.UtcNow.AddMinutes(-5)),
            IdentityApi.SignJwt("dev", "admin", subject, audience: "someone-else"),
            IdentityApi.SignJwt("dev", "admin", subject, secret: otherSecret),
            IdentityApi.SignJwt("dev", "owner", subject),
        })
        {
            using var bad = ClientWithToken(token);
            var response = await bad.GetAsync("/api/me");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_first_admin_of_a_new_organisation_is_created_by_command_and_sees_only_their_tenant()
    {
        var organisation = $"acme-{Guid.NewGuid():N}"[..20];
        var (exitCode, output) = await _identity.CreateAdminAsync("--organisation", organisation, "--email", "Ada@Example.com", "--name", "Ada");
        Assert.True(exitCode == 0, output);
        var key = IdentityApi.KeyFromOutput(output);
        using var acme = ClientWith(key);
        var me = await MeAsync(acme);
        Assert.Equal(organisation, me.GetProperty("tenant_id").GetString());
        Assert.Equal("admin", me.GetProperty("role").GetString());
        Assert.Equal("ada@example.com", me.GetProperty("user").GetProperty("email").GetString());

        var devKey = await _identity.IssueKeyAsync("analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync($"/api/admin/keys/{devKey.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.DeleteAsync($"/api/admin/keys/{devKey.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync("/api/admin/organisations/dev")).StatusCode);
        var keys = await (await acme.GetAsync("/api/admin/keys?page_size=500")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(devKey.Id.ToString(), keys, StringComparison.Ordinal);

        var (badExit, badOutput) = await _identity.CreateAdminAsync("--organisation", "Not A Slug", "--email", "nope");
        Assert.Equal(2, badExit);
        Assert.Contains("--organisation", badOutput, StringComparison.Ordinal);
        Assert.Contains("--email", badOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_changes_and_successful_mutations_appear_in_the_audit_log()
    {
        var issued = await _identity.IssueKeyAsync("analyst");
        using var analyst = ClientWith(issued.Key);
        var experiment = await new PlatformApi(analyst).CreateExperimentAsync(PlatformApi.Grid3x3($"audit-{Guid.NewGuid():N}"));
        await analyst.GetAsync($"/api/export/{experiment}");

        using var admin = platform.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonElement[] entries;
        do
        {
            var page = await PlatformApi.ReadAsync(await admin.GetAsync($"/api/audit?page_size=500&subject_id={issued.SubjectId}"), HttpStatusCode.OK);
            entries = page.GetProperty("items").EnumerateArray().ToArray();
            if (entries.Length >= 2) break;
            await Task.Delay(300);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "request" && e.GetProperty("method").GetString() == "POST"
            && e.GetProperty("path").GetString() == "/api/experiments" && e.GetProperty("status").GetInt32() == 201);
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "export" && e.GetProperty("path").GetString() == $"/api/export/{experiment}");
        var issuedEntries = await PlatformApi.ReadAsync(await admin.GetAsync("/api/audit?action=key.issued&page_size=500"), HttpStatusCode.OK);
        Assert.Contains(issuedEntries.GetProperty("items").EnumerateArray(), e => e.GetProperty("target").GetString() == $"key:{issued.Id}");
    }
}
