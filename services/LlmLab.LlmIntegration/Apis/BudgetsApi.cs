using LlmLab.LlmIntegration.Budgets;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.LlmIntegration.Apis;

/// <summary>The tenant's LLM spend thresholds (daily, weekly, monthly), its spend so far and the alerts recorded.</summary>
public static class BudgetsApi
{
    private const double MaxThresholdUsd = 1_000_000_000;

    public static IEndpointRouteBuilder MapBudgetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/budgets").RequireTenant();
        api.MapGet("", GetAsync);
        api.MapPut("", PutAsync);
        return app;
    }

    public static async Task<Ok<BudgetStatus>> GetAsync(HttpContext http, TenantBudgets budgets) =>
        TypedResults.Ok(await budgets.StatusAsync(http.TenantId()!));

    public static async Task<Results<Ok<BudgetStatus>, ProblemHttpResult>> PutAsync(BudgetSettings body, HttpContext http, TenantBudgets budgets)
    {
        var errors = new Dictionary<string, string[]>();
        Check(errors, "daily_usd", body.DailyUsd);
        Check(errors, "weekly_usd", body.WeeklyUsd);
        Check(errors, "monthly_usd", body.MonthlyUsd);
        if (errors.Count > 0) return Problems.Invalid(errors);
        await budgets.SaveAsync(http.TenantId()!, body);
        return TypedResults.Ok(await budgets.StatusAsync(http.TenantId()!));
    }

    private static void Check(Dictionary<string, string[]> errors, string field, double? value)
    {
        if (value is { } v && (!double.IsFinite(v) || v < 0 || v > MaxThresholdUsd))
        {
            errors[field] = [$"must be a number of US dollars between 0 and {MaxThresholdUsd:0}, or null for no threshold."];
        }
    }
}
