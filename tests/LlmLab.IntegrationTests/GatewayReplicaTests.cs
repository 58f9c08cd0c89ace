using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// Two more gateway processes on the platform's Redis and services, with a free-tier key (3 model calls an hour here)
/// and an allowed origin: the quota is one counter across both replicas, 429 carries the RateLimit-* headers, the
/// batch service refuses a third run at once, and CORS grants exactly the configured origin.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayReplicaTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string AllowedOrigin = "https://lab.example.com";
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private GatewayReplica _first = null!;
    private GatewayReplica _second = null!;

    private string QuotaKey => $"free-quota-{_run}";
    private string RunsKey => $"free-runs-{_run}";

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Gateway__ApiKeys__0__Key"] = QuotaKey,
            ["Gateway__ApiKeys__0__Tenant"] = $"quota-{_run}",
            ["Gateway__ApiKeys__0__Tier"] = "free",
            ["Gateway__ApiKeys__1__Key"] = RunsKey,
            ["Gateway__ApiKeys__1__Tenant"] = $"runs-{_run}",
            ["Gateway__ApiKeys__1__Tier"] = "free",
            ["Gateway__Tiers__free__PerHour"] = "3",
            ["Gateway__Cors__AllowedOrigins__0"] = AllowedOrigin,
        };
        _first = await GatewayReplica.StartAsync(platform, settings);
        _second = await GatewayReplica.StartAsync(platform, settings);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task A_free_key_gets_429_with_rate_limit_headers_after_its_hourly_calls_counted_across_two_gateways()
    {
        using var first = _first.CreateClient(QuotaKey);
        using var second = _second.CreateClient(QuotaKey);
        await AwayFromTheHourBoundaryAsync();

        var answers = new List<HttpResponseMessage>();
        foreach (var client in new[] { first, second, first })
        {
            var answer = await client.PostAsJsonAsync("/v1/chat/completions", Completion());
            Assert.True(answer.StatusCode == HttpStatusCode.OK,
                $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()} (replica logs: {_first.LogFile}, {_second.LogFile})");
            answers.Add(answer);
        }
        Assert.Equal(["2", "1", "0"], answers.Select(a => PlatformApi.Header(a, "RateLimit-Remaining")));
        Assert.All(answers, a => Assert.Equal("3", PlatformApi.Header(a, "RateLimit-Limit")));
        Assert.All(answers, a => Assert.Equal("3;w=3600, 100;w=86400", PlatformApi.Header(a, "RateLimit-Policy")));

        using var refused = await second.PostAsJsonAsync("/v1/chat/completions", Completion());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        // Under /v1 the gateway answers in OpenAI's error shape, which OpenAI SDKs read.
        Assert.Equal("application/json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = int.Parse(PlatformApi.Header(refused, "Retry-After"));
        Assert.InRange(retryAfter, 1, 3600);
        Assert.Equal(retryAfter.ToString(), PlatformApi.Header(refused, "RateLimit-Reset"));
        Assert.Equal("0", PlatformApi.Header(refused, "RateLimit-Remaining"));
        Assert.Equal("3", PlatformApi.Header(refused, "RateLimit-Limit"));
        var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("rate_limit_exceeded", error.GetProperty("code").GetString());
        Assert.Equal("requests", error.GetProperty("type").GetString());
        Assert.Contains("The free tier allows 3 model calls per hour", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        // Not counted: reading and creating cost no model call, so they still work for the throttled key.
        using var list = await first.GetAsync("/api/experiments");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.False(list.Headers.Contains("RateLimit-Remaining"));
        // The platform's own key (tier internal) is not limited.
        using var own = platform.CreateClient();
        using var unlimited = await own.PostAsJsonAsync("/v1/chat/completions", Completion());
        Assert.Equal(HttpStatusCode.OK, unlimited.StatusCode);
        Assert.False(unlimited.Headers.Contains("RateLimit-Remaining"));
    }

    [Fact]
    public async Task A_free_tenant_cannot_have_a_third_run_going_at_once()
    {
        using var client = _first.CreateClient(RunsKey);
        var runs = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var created = await PlatformApi.ReadAsync(await client.PostAsJsonAsync("/api/experiments/batch", new
            {
                name = $"concurrent-{i}", prompt = "Explain rain.", provider = "simulated", model = "simulated-200ms", response_count = 10,
                parameter_ranges = new { temperature = new { min = 0.1, max = 1.0, step = 0.1 }, top_p = new[] { 0.5, 1.0 } },
            }), HttpStatusCode.Created);
            runs.Add(created.GetProperty("id").GetGuid());
        }
        try
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/experiments/batch/{runs[0]}/start", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/experiments/batch/{runs[1]}/start", null)).StatusCode);
            using var third = await client.PostAsync($"/api/experiments/batch/{runs[2]}/start", null);
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            var problem = JsonDocument.Parse(await third.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("Too many runs at once", problem.GetProperty("title").GetString());
            Assert.Equal(2, problem.GetProperty("limit").GetInt32());
            var status = await PlatformApi.ReadAsync(await client.GetAsync($"/api/experiments/batch/{runs[2]}/status"), HttpStatusCode.OK);
            Assert.Equal("pending", status.GetProperty("status").GetString());
        }
        finally
        {
            foreach (var run in runs) await client.DeleteAsync($"/api/experiments/batch/{run}");
        }
    }

    [Fact]
    public async Task A_preflight_from_the_configured_origin_is_granted_and_one_from_a_foreign_origin_is_not()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_first.Url) };
        using var allowed = await client.SendAsync(Preflight(AllowedOrigin));
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(AllowedOrigin, PlatformApi.Header(allowed, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", PlatformApi.Header(allowed, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        Assert.Contains("x-api-key", PlatformApi.Header(allowed, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
        Assert.False(allowed.Headers.Contains("Access-Control-Allow-Credentials"));

        using var foreign = await client.SendAsync(Preflight("https://evil.example.net"));
        Assert.False(foreign.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(foreign.Headers.Contains("Access-Control-Allow-Headers"));

        // An actual call from the allowed origin may read the rate-limit headers.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.Add("Origin", AllowedOrigin);
        using var answer = await client.SendAsync(request);
        Assert.Equal(AllowedOrigin, PlatformApi.Header(answer, "Access-Control-Allow-Origin"));
        Assert.Contains("RateLimit-Remaining", PlatformApi.Header(answer, "Access-Control-Expose-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/experiments");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-api-key,content-type");
        return preflight;
    }

    private static object Completion() =>
        new { model = "local-ngram", messages = new[] { new { role = "user", content = "Why does rain fall?" } }, max_tokens = 5 };

    /// <summary>The hourly window restarts on the hour; the four calls must not straddle it.</summary>
    private static async Task AwayFromTheHourBoundaryAsync()
    {
        var toTheHour = 3600 - DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 3600;
        if (toTheHour < 60) await Task.Delay(TimeSpan.FromSeconds(toTheHour + 1));
    }
}
