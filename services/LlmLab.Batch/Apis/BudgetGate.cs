using LlmLab.Batch.Clients;
using LlmLab.ServiceKit;

namespace LlmLab.Batch.Apis;

/// <summary>Refuses to start a run while the tenant's spent budget says so (the tenant chose refusal), naming the period.</summary>
public sealed class BudgetGate(BudgetClient budgets) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        BudgetState state;
        try
        {
            state = await budgets.StateAsync(http.TenantId()!, http.RequestAborted);
        }
        catch (HttpRequestException)
        {
            return TypedResults.Problem(title: "Budget unknown", detail: "llm-integration, which keeps the budget, did not answer; try again.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        if (!state.Refusing) return await next(context);
        return Problems.Invalid("budget",
            $"the {string.Join(", ", state.Exceeded)} LLM budget of this tenant is spent; raise it (PUT /api/budgets) or wait for the next period.",
            StatusCodes.Status402PaymentRequired);
    }
}
