using System.Text.Json;
using LlmLab.Optimization;

namespace LlmLab.Batch.Apis;

/// <summary>The rules of a search request: a known strategy, a whole budget of 1 to the grid's calls, an optional whole seed.</summary>
public static class SearchRequestRules
{
    public static (string? Strategy, int Budget, long Seed, Dictionary<string, string[]> Errors) Validate(SearchRequest? body, int gridCalls)
    {
        var errors = new Dictionary<string, string[]>();
        var expected = $"must be one of {string.Join(", ", SearchStrategies.Names)}.";
        string? strategy = null;
        if (body?.Strategy is not { } s) errors["strategy"] = [$"is required; {expected}"];
        else if (!SearchStrategies.Names.Contains(s)) errors["strategy"] = [expected];
        else strategy = s;

        var budget = 0;
        if (body?.BudgetCalls is not { ValueKind: not JsonValueKind.Null } b) errors["budget_calls"] = ["is required: the most calls the search may make."];
        else if (b.ValueKind != JsonValueKind.Number || !b.TryGetInt32(out budget)) errors["budget_calls"] = ["must be a whole number."];
        else if (budget < 1) errors["budget_calls"] = ["must be at least 1."];
        else if (budget > gridCalls) errors["budget_calls"] = [$"must not exceed the {gridCalls} calls of the batch's whole grid."];

        var seed = Random.Shared.NextInt64(1, int.MaxValue);
        if (body?.Seed is { ValueKind: not JsonValueKind.Null } given && (given.ValueKind != JsonValueKind.Number || !given.TryGetInt64(out seed)))
            errors["seed"] = ["must be a whole number."];
        return (strategy, budget, seed, errors);
    }
}
