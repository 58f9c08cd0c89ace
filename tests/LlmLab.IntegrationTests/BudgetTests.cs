using System.Net;
using System.Net.Http.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>Per-tenant LLM spend thresholds: spend is summed, crossing records an alert, and refusal stops new work.</summary>
[Collection(PlatformCollection.Name)]
public class BudgetTests(PlatformFixture platform)
{
    private static object Completion(int seed) => new
    {
        model = "simulated/simulated-0ms", seed, max_tokens = 20,
        messages = new[] { new { role = "user", content = $"Explain budgets, case {seed}." } },
    };

    [Fact]
    public async Task A_spent_budget_records_one_alert_and_refuses_v1_calls_and_runs_of_that_tenant_only()
    {
        using var tenant = platform.CreateClient(PlatformFixture.BudgetTenantApiKey);
        using var other = platform.CreateClient();
        await PlatformApi.ReadAsync(await tenant.PutAsJsonAsync("/api/budgets",
            new { daily_usd = 0.000001, weekly_usd = (double?)null, monthly_usd = 1000.0, refuse_when_exceeded = true }), HttpStatusCode.OK);

        await PlatformApi.ReadAsync(await tenant.PostAsJsonAsync("/v1/chat/completions", Completion(1)), HttpStatusCode.OK);
        await PlatformApi.ReadAsync(await tenant.PostAsJsonAsync("/v1/chat/completions", Completion(2)), HttpStatusCode.TooManyRequests);

        var status = await PlatformApi.ReadAsync(await tenant.GetAsync("/api/budgets"), HttpStatusCode.OK);
        Assert.True(status.GetProperty("spent_today_usd").GetDouble() > 0.000001);
        Assert.Equal(status.GetProperty("spent_today_usd").GetDouble(), status.GetProperty("spent_this_month_usd").GetDouble(), 9);
        Assert.Equal("daily", Assert.Single(status.GetProperty("exceeded").EnumerateArray()).GetString());
        Assert.True(status.GetProperty("refusing").GetBoolean());
        var alert = Assert.Single(status.GetProperty("alerts").EnumerateArray());
        Assert.Equal("daily", alert.GetProperty("period").GetString());
        Assert.Equal(0.000001, alert.GetProperty("threshold_usd").GetDouble(), 9);

        var refused = await tenant.PostAsJsonAsync("/v1/chat/completions", Completion(3));
        var error = await PlatformApi.ReadAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("insufficient_quota", error.GetProperty("error").GetProperty("code").GetString());

        var api = new PlatformApi(tenant);
        var experiment = await api.CreateExperimentAsync(PlatformApi.Grid3x3($"budget-{Guid.NewGuid():N}"));
        await PlatformApi.ExpectProblemAsync(await tenant.PostAsJsonAsync("/api/responses/generate", new { experiment_id = experiment }),
            HttpStatusCode.PaymentRequired, "budget");
        var responses = await PlatformApi.ReadAsync(await tenant.GetAsync($"/api/responses/{experiment}"), HttpStatusCode.OK);
        Assert.Equal(0, responses.GetProperty("total").GetInt32());

        var others = await PlatformApi.ReadAsync(await other.GetAsync("/api/budgets"), HttpStatusCode.OK);
        Assert.False(others.GetProperty("refusing").GetBoolean());
        Assert.Empty(others.GetProperty("alerts").EnumerateArray());
        await PlatformApi.ReadAsync(await other.PostAsJsonAsync("/v1/chat/completions", Completion(4)), HttpStatusCode.OK);

        await PlatformApi.ReadAsync(await tenant.PutAsJsonAsync("/api/budgets",
            new { daily_usd = 1000.0, weekly_usd = (double?)null, monthly_usd = 1000.0, refuse_when_exceeded = true }), HttpStatusCode.OK);
        await PlatformApi.ReadAsync(await tenant.PostAsJsonAsync("/v1/chat/completions", Completion(5)), HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("daily_usd", -1.0)]
    [InlineData("monthly_usd", 1e300)]
    public async Task A_negative_or_absurd_threshold_is_422_naming_it(string field, double value)
    {
        using var tenant = platform.CreateClient(PlatformFixture.BudgetTenantApiKey);
        var body = new Dictionary<string, object?> { ["daily_usd"] = null, ["weekly_usd"] = null, ["monthly_usd"] = null, ["refuse_when_exceeded"] = true };
        body[field] = value;
        await PlatformApi.ExpectProblemAsync(await tenant.PutAsJsonAsync("/api/budgets", body), HttpStatusCode.UnprocessableEntity, field);
    }
}
