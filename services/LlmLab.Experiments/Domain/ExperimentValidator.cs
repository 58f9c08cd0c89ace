using LlmLab.ServiceKit;

namespace LlmLab.Experiments.Domain;

/// <summary>The rules of API.md for an experiment; each error is keyed by its snake_case field.</summary>
public static class ExperimentValidator
{
    public static Dictionary<string, string[]> Validate(Experiment e, ExperimentLimits limits)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors.TryAdd(field, [message]);

        if (string.IsNullOrWhiteSpace(e.Name)) Fail("name", "is required.");
        if (string.IsNullOrWhiteSpace(e.Prompt)) Fail("prompt", "is required.");
        if (string.IsNullOrWhiteSpace(e.Provider)) Fail("provider", "is required.");
        TextRules.Check(errors, "name", e.Name, TextRules.MaxName);
        TextRules.Check(errors, "description", e.Description, TextRules.MaxDescription);
        TextRules.Check(errors, "prompt", e.Prompt, TextRules.MaxPrompt);
        TextRules.Check(errors, "provider", e.Provider, TextRules.MaxProvider);
        TextRules.Check(errors, "model", e.Model, TextRules.MaxModel);
        TextRules.Check(errors, "judge_provider", e.JudgeProvider, TextRules.MaxProvider);
        TextRules.Check(errors, "judge_model", e.JudgeModel, TextRules.MaxModel);

        CheckRange(Fail, "temperature", e.TemperatureMin, e.TemperatureMax, e.TemperatureStep, lowest: 0, highest: 2, lowestExclusive: false);
        CheckRange(Fail, "top_p", e.TopPMin, e.TopPMax, e.TopPStep, lowest: 0, highest: 1, lowestExclusive: true);

        if (e.MaxTokens is < 1 or > 32768) Fail("max_tokens", "must be between 1 and 32768.");
        if (!(e.FrequencyPenalty is >= -2 and <= 2)) Fail("frequency_penalty", "must be between -2 and 2.");
        if (!(e.PresencePenalty is >= -2 and <= 2)) Fail("presence_penalty", "must be between -2 and 2.");
        if (e.ResponseCount is < 1 or > 100) Fail("response_count", "must be between 1 and 100.");
        if (e.JudgeProvider is null && !string.IsNullOrEmpty(e.JudgeModel)) Fail("judge_provider", "is required when judge_model is given.");
        if (e.Tags.Count > 20 || e.Tags.Any(t => t.Length > 50)) Fail("tags", "at most 20 tags of at most 50 characters.");
        for (var i = 0; i < e.Tags.Count; i++) TextRules.Check(errors, $"tags[{i}]", e.Tags[i], 50);

        if (errors.Count == 0)
        {
            long calls = (long)InclusiveRange.Count(e.TemperatureMin, e.TemperatureMax, e.TemperatureStep)
                * InclusiveRange.Count(e.TopPMin, e.TopPMax, e.TopPStep) * e.ResponseCount;
            if (calls > limits.MaxCallsPerRun)
            {
                var shown = calls >= (long)InclusiveRange.TooMany ? $"more than {InclusiveRange.MaxCount}" : calls.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Fail("response_count", $"the grid makes {shown} calls (combinations × response_count), over the limit of {limits.MaxCallsPerRun}.");
            }
        }
        return errors;
    }

    private static void CheckRange(Action<string, string> fail, string name, double min, double max, double step,
        double lowest, double highest, bool lowestExclusive)
    {
        var bound = lowestExclusive ? $"greater than {lowest} and at most {highest}" : $"between {lowest} and {highest}";
        bool OutOfBounds(double v) => double.IsNaN(v) || (lowestExclusive ? v <= lowest : v < lowest) || v > highest;
        if (OutOfBounds(min)) fail($"{name}_min", $"must be {bound}.");
        if (OutOfBounds(max)) fail($"{name}_max", $"must be {bound}.");
        if (!(step > 0) || !double.IsFinite(step)) fail($"{name}_step", "must be a finite number greater than 0.");
        if (min > max) fail($"{name}_min", $"must not exceed {name}_max.");
    }
}
