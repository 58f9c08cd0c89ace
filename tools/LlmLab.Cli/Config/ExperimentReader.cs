using YamlDotNet.RepresentationModel;

namespace LlmLab.Cli.Config;

/// <summary>kind: experiment — a prompt run over a temperature × top_p grid, with the platform's gates.</summary>
internal static class ExperimentReader
{
    private static readonly string[] Fields =
        ["kind", "name", "description", "prompt", "provider", "model", "grid", "gates", "timeout_seconds"];
    private static readonly string[] GridFields =
        ["temperature", "top_p", "max_tokens", "frequency_penalty", "presence_penalty", "response_count", "seed"];

    public static ExperimentConfig? Read(YamlSection top, string file)
    {
        top.RejectUnknown(Fields);
        var name = top.RequiredString("name", "the experiment's name (a run file reuses the experiment of that name).");
        var prompt = top.RequiredString("prompt", "the prompt to run.");
        var grid = top.Section("grid");
        grid?.RejectUnknown(GridFields);
        var temperature = Range(grid, "temperature", 0, 2, 0.7);
        var topP = Range(grid, "top_p", 0.01, 1, 1);
        var maxTokens = (int?)grid?.WholeNumber("max_tokens", 1, 32_768) ?? 256;
        var frequency = grid?.Number("frequency_penalty", -2, 2) ?? 0;
        var presence = grid?.Number("presence_penalty", -2, 2) ?? 0;
        var responses = (int?)grid?.WholeNumber("response_count", 1, 100) ?? 1;
        var seed = grid?.WholeNumber("seed");
        var gates = GateReader.Read(top, forEvaluation: false);
        var timeout = ConfigLoader.Timeout(top);
        if (name is null || prompt is null || temperature is null || topP is null) return null;
        return new ExperimentConfig(file, name.Trim(), top.Text("description") ?? "", prompt, Provider(top), top.Text("model") ?? "",
            temperature, topP, maxTokens, frequency, presence, responses, seed, gates, timeout);
    }

    internal static string Provider(YamlSection top) => top.Text("provider") is { Length: > 0 } p ? p.Trim() : "local";

    /// <summary>A single value, or <c>{min, max, step}</c> as in POST /api/experiments/batch.</summary>
    private static ParameterRange? Range(YamlSection? grid, string key, double lowest, double highest, double fallback)
    {
        if (grid?.Find(key) is not { } node) return ParameterRange.Fixed(fallback);
        var field = grid.FieldPath(key);
        if (node is YamlScalarNode)
            return grid.NumberOf(node, field, lowest, highest) is { } single ? ParameterRange.Fixed(single) : null;
        if (node is not YamlMappingNode map)
        {
            grid.Fail(node, field, "must be a number or {min, max, step}.");
            return null;
        }
        var range = grid.SectionOf(map, field);
        range.RejectUnknown("min", "max", "step");
        var min = range.Number("min", lowest, highest);
        var max = range.Number("max", lowest, highest);
        var step = range.Number("step", 0.0001, highest);
        if (range.Find("min") is null) range.Missing("min", "the lowest value.");
        if (range.Find("max") is null) range.Missing("max", "the highest value.");
        if (range.Find("step") is null) range.Missing("step", "the distance between values, greater than 0.");
        if (min is null || max is null || step is null) return null;
        if (min > max)
        {
            range.Fail(range.Find("min")!, $"{field}.min", "must not exceed max.");
            return null;
        }
        return new ParameterRange(min.Value, max.Value, step.Value);
    }
}
