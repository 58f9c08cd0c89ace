using System.Text.Json;
using LlmLab.ServiceKit;

namespace LlmLab.Batch.Domain;

/// <summary>
/// A batch definition validated and expanded: each numeric parameter is a {min, max, step} range (inclusive, without
/// drift) or a list; max_tokens, model and prompt are lists. Every combination × response_count becomes a work item.
/// </summary>
public sealed class BatchGrid
{
    public required IReadOnlyList<double> Temperatures { get; init; }
    public required IReadOnlyList<double> TopPs { get; init; }
    public required IReadOnlyList<double> FrequencyPenalties { get; init; }
    public required IReadOnlyList<double> PresencePenalties { get; init; }
    public required IReadOnlyList<int> MaxTokens { get; init; }
    public required IReadOnlyList<string?> Models { get; init; }
    public required IReadOnlyList<string?> Prompts { get; init; }
    public required int ResponseCount { get; init; }

    public long Combinations => (long)Temperatures.Count * TopPs.Count * FrequencyPenalties.Count * PresencePenalties.Count * MaxTokens.Count * Models.Count * Prompts.Count;
    public long Calls => Combinations * ResponseCount;

    public static (BatchGrid? Grid, Dictionary<string, string[]> Errors) From(BatchDefinition d, int maxCalls)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors.TryAdd(field, [message]);
        if (string.IsNullOrWhiteSpace(d.Name)) Fail("name", "is required.");
        var prompts = d.ParameterRanges?.Prompts;
        if (string.IsNullOrWhiteSpace(d.Prompt) && prompts is not { Count: > 0 }) Fail("prompt", "is required (or give parameter_ranges.prompt).");
        if (prompts?.Any(string.IsNullOrWhiteSpace) == true) Fail("parameter_ranges.prompt", "prompts must not be empty.");
        if (d.ParameterRanges?.Models?.Any(string.IsNullOrWhiteSpace) == true) Fail("parameter_ranges.model", "models must not be empty.");
        var responseCount = d.ResponseCount ?? 1;
        if (responseCount is < 1 or > 100) Fail("response_count", "must be between 1 and 100.");

        var r = d.ParameterRanges ?? new ParameterRanges();
        var temperatures = Values(r.Temperature, "parameter_ranges.temperature", 0, 2, false, [0.7], Fail);
        var topPs = Values(r.TopP, "parameter_ranges.top_p", 0, 1, true, [1.0], Fail);
        var frequency = Values(r.FrequencyPenalty, "parameter_ranges.frequency_penalty", -2, 2, false, [0.0], Fail);
        var presence = Values(r.PresencePenalty, "parameter_ranges.presence_penalty", -2, 2, false, [0.0], Fail);
        var maxTokens = r.MaxTokens is { Count: > 0 } m ? m : [256];
        if (maxTokens.Any(t => t is < 1 or > 32768)) Fail("parameter_ranges.max_tokens", "each must be between 1 and 32768.");
        if (errors.Count > 0) return (null, errors);

        var grid = new BatchGrid
        {
            Temperatures = temperatures, TopPs = topPs, FrequencyPenalties = frequency, PresencePenalties = presence,
            MaxTokens = maxTokens.Distinct().ToList(),
            Models = r.Models is { Count: > 0 } models ? models.Distinct().Select(x => (string?)x).ToList() : [null],
            Prompts = prompts is { Count: > 0 } ? prompts.Distinct().Select(x => (string?)x).ToList() : [null],
            ResponseCount = responseCount,
        };
        if (grid.Calls > maxCalls) Fail("parameter_ranges", $"the grid makes {grid.Calls} calls ({grid.Combinations} combinations × {responseCount}), over the limit of {maxCalls}.");
        return errors.Count > 0 ? (null, errors) : (grid, errors);
    }

    public List<WorkItem> Expand(Guid runId, string tenantId, long? fixedSeed, Func<long> drawSeed)
    {
        var items = new List<WorkItem>();
        var combination = 0;
        foreach (var prompt in Prompts)
        foreach (var model in Models)
        foreach (var temperature in Temperatures)
        foreach (var topP in TopPs)
        foreach (var frequency in FrequencyPenalties)
        foreach (var presence in PresencePenalties)
        foreach (var maxTokens in MaxTokens)
        {
            for (var repetition = 0; repetition < ResponseCount; repetition++)
            {
                items.Add(new WorkItem
                {
                    Id = Guid.CreateVersion7(), RunId = runId, TenantId = tenantId, CombinationIndex = combination, Repetition = repetition,
                    Prompt = prompt, Model = model, Temperature = temperature, TopP = topP, FrequencyPenalty = frequency, PresencePenalty = presence,
                    MaxTokens = maxTokens, Seed = fixedSeed ?? drawSeed(), Status = WorkItemStatus.Pending,
                });
            }
            combination++;
        }
        return items;
    }

    private static List<double> Values(JsonElement? spec, string field, double lowest, double highest, bool lowestExclusive, List<double> fallback, Action<string, string> fail)
    {
        if (spec is null || spec.Value.ValueKind == JsonValueKind.Null) return fallback;
        List<double> values;
        var s = spec.Value;
        if (s.ValueKind == JsonValueKind.Array)
        {
            if (s.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number)) { fail(field, "a list must hold numbers only."); return []; }
            values = s.EnumerateArray().Select(v => v.GetDouble()).Distinct().ToList();
            if (values.Count == 0) { fail(field, "the list is empty."); return []; }
        }
        else if (s.ValueKind == JsonValueKind.Object && s.TryGetProperty("min", out var min) && s.TryGetProperty("max", out var max) && s.TryGetProperty("step", out var step)
            && min.ValueKind == JsonValueKind.Number && max.ValueKind == JsonValueKind.Number && step.ValueKind == JsonValueKind.Number)
        {
            if (step.GetDouble() <= 0) { fail($"{field}.step", "must be greater than 0."); return []; }
            if (min.GetDouble() > max.GetDouble()) { fail($"{field}.min", "must not exceed max."); return []; }
            values = InclusiveRange.Values(min.GetDouble(), max.GetDouble(), step.GetDouble()).ToList();
        }
        else
        {
            fail(field, "must be {min, max, step} or a list of numbers.");
            return [];
        }
        if (values.Any(v => double.IsNaN(v) || (lowestExclusive ? v <= lowest : v < lowest) || v > highest))
        {
            fail(field, lowestExclusive ? $"values must be greater than {lowest} and at most {highest}." : $"values must be between {lowest} and {highest}.");
            return [];
        }
        return values;
    }
}
