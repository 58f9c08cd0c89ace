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

    /// <summary>Most entries a list dimension (model, prompt, max_tokens) may hold.</summary>
    public const int MaxListLength = 1_000;

    public static (BatchGrid? Grid, Dictionary<string, string[]> Errors) From(BatchDefinition d, int maxCalls)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors.TryAdd(field, [message]);
        if (string.IsNullOrWhiteSpace(d.Name)) Fail("name", "is required.");
        var prompts = d.ParameterRanges?.Prompts;
        var models = d.ParameterRanges?.Models;
        if (string.IsNullOrWhiteSpace(d.Prompt) && prompts is not { Count: > 0 }) Fail("prompt", "is required (or give parameter_ranges.prompt).");
        if (prompts?.Any(string.IsNullOrWhiteSpace) == true) Fail("parameter_ranges.prompt", "prompts must not be empty.");
        if (models?.Any(string.IsNullOrWhiteSpace) == true) Fail("parameter_ranges.model", "models must not be empty.");
        TextRules.Check(errors, "name", d.Name, TextRules.MaxName);
        TextRules.Check(errors, "description", d.Description, TextRules.MaxDescription);
        TextRules.Check(errors, "prompt", d.Prompt, TextRules.MaxPrompt);
        TextRules.Check(errors, "provider", d.Provider, TextRules.MaxProvider);
        TextRules.Check(errors, "model", d.Model, TextRules.MaxModel);
        CheckList(errors, "parameter_ranges.prompt", prompts, TextRules.MaxPrompt);
        CheckList(errors, "parameter_ranges.model", models, TextRules.MaxModel);
        var responseCount = d.ResponseCount ?? 1;
        if (responseCount is < 1 or > 100) Fail("response_count", "must be between 1 and 100.");

        var r = d.ParameterRanges ?? new ParameterRanges();
        var temperatures = Values(r.Temperature, "parameter_ranges.temperature", 0, 2, false, [0.7], maxCalls, Fail);
        var topPs = Values(r.TopP, "parameter_ranges.top_p", 0, 1, true, [1.0], maxCalls, Fail);
        var frequency = Values(r.FrequencyPenalty, "parameter_ranges.frequency_penalty", -2, 2, false, [0.0], maxCalls, Fail);
        var presence = Values(r.PresencePenalty, "parameter_ranges.presence_penalty", -2, 2, false, [0.0], maxCalls, Fail);
        var maxTokens = r.MaxTokens is { Count: > 0 } m ? m : [256];
        if (maxTokens.Count > MaxListLength) Fail("parameter_ranges.max_tokens", $"at most {MaxListLength} values.");
        if (maxTokens.Any(t => t is < 1 or > 32768)) Fail("parameter_ranges.max_tokens", "each must be between 1 and 32768.");
        if (errors.Count > 0) return (null, errors);

        var grid = new BatchGrid
        {
            Temperatures = temperatures, TopPs = topPs, FrequencyPenalties = frequency, PresencePenalties = presence,
            MaxTokens = maxTokens.Distinct().ToList(),
            Models = models is { Count: > 0 } ? models.Distinct().Select(x => (string?)x).ToList() : [null],
            Prompts = prompts is { Count: > 0 } ? prompts.Distinct().Select(x => (string?)x).ToList() : [null],
            ResponseCount = responseCount,
        };
        // In double: seven list lengths multiplied may overflow a long; anything over the limit is refused before it is used.
        var calls = (double)grid.Temperatures.Count * grid.TopPs.Count * grid.FrequencyPenalties.Count * grid.PresencePenalties.Count
            * grid.MaxTokens.Count * grid.Models.Count * grid.Prompts.Count * responseCount;
        if (calls > maxCalls) Fail("parameter_ranges", $"the grid makes {calls:0} calls ({calls / responseCount:0} combinations × {responseCount}), over the limit of {maxCalls}.");
        return errors.Count > 0 ? (null, errors) : (grid, errors);
    }

    private static void CheckList(Dictionary<string, string[]> errors, string field, List<string>? values, int maxLength)
    {
        if (values is null) return;
        if (values.Count > MaxListLength) errors.TryAdd(field, [$"at most {MaxListLength} values."]);
        for (var i = 0; i < values.Count && errors.Count < 20; i++) TextRules.Check(errors, $"{field}[{i}]", values[i], maxLength);
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

    private static List<double> Values(JsonElement? spec, string field, double lowest, double highest, bool lowestExclusive, List<double> fallback,
        int maxValues, Action<string, string> fail)
    {
        if (spec is null || spec.Value.ValueKind == JsonValueKind.Null) return fallback;
        List<double> values;
        var s = spec.Value;
        if (s.ValueKind == JsonValueKind.Array)
        {
            if (s.GetArrayLength() > maxValues) { fail(field, $"a list may hold at most {maxValues} values."); return []; }
            if (s.EnumerateArray().Any(v => !IsFinite(v))) { fail(field, "a list must hold finite numbers only."); return []; }
            values = s.EnumerateArray().Select(v => v.GetDouble()).Distinct().ToList();
            if (values.Count == 0) { fail(field, "the list is empty."); return []; }
        }
        else if (s.ValueKind == JsonValueKind.Object && s.TryGetProperty("min", out var min) && s.TryGetProperty("max", out var max) && s.TryGetProperty("step", out var step))
        {
            if (!IsFinite(min)) { fail($"{field}.min", "must be a finite number."); return []; }
            if (!IsFinite(max)) { fail($"{field}.max", "must be a finite number."); return []; }
            if (!IsFinite(step) || step.GetDouble() <= 0) { fail($"{field}.step", "must be a finite number greater than 0."); return []; }
            if (min.GetDouble() > max.GetDouble()) { fail($"{field}.min", "must not exceed max."); return []; }
            var count = InclusiveRange.Count(min.GetDouble(), max.GetDouble(), step.GetDouble());
            if (count > maxValues)
            {
                fail($"{field}.step", $"the range holds {(count >= InclusiveRange.TooMany ? $"more than {InclusiveRange.MaxCount}" : count)} values, over the limit of {maxValues} calls.");
                return [];
            }
            values = InclusiveRange.Values(min.GetDouble(), max.GetDouble(), step.GetDouble(), maxValues).ToList();
        }
        else
        {
            fail(field, "must be {min, max, step} or a list of numbers.");
            return [];
        }
        if (values.Any(v => (lowestExclusive ? v <= lowest : v < lowest) || v > highest))
        {
            fail(field, lowestExclusive ? $"values must be greater than {lowest} and at most {highest}." : $"values must be between {lowest} and {highest}.");
            return [];
        }
        return values;
    }

    /// <summary>A JSON number that is a finite double (1e309 is a valid JSON number but not a double).</summary>
    private static bool IsFinite(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number);
}
