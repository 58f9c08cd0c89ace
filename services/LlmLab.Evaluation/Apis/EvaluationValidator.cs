using LlmLab.Evaluation.Domain;
using LlmLab.ServiceKit;

namespace LlmLab.Evaluation.Apis;

/// <summary>The rules of a new evaluation's fields; every message names its field (<c>methods[1].options.top_k</c>).</summary>
public static class EvaluationValidator
{
    public const int MaxMethods = 20;

    public static (List<MethodSpec> Methods, GenerationSettings Parameters, Dictionary<string, string[]> Errors) Validate(
        CreateEvaluationRequest request, bool knowledgeDeployed)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors.TryAdd(field, [message]);
        if (string.IsNullOrWhiteSpace(request.Name)) Error("name", "is required.");
        TextRules.Check(errors, "name", request.Name, TextRules.MaxName);
        TextRules.Check(errors, "provider", request.Provider, TextRules.MaxProvider);
        TextRules.Check(errors, "model", request.Model, TextRules.MaxModel);
        if (request.DatasetId is null) Error("dataset_id", "is required.");
        if (request.SampleSize is < 1) Error("sample_size", "must be at least 1.");
        if (request.DatasetVersion is < 1) Error("dataset_version", "must be at least 1.");
        if (request.Judge is { } judge)
        {
            if (string.IsNullOrWhiteSpace(judge.Provider)) Error("judge.provider", "is required: the provider whose model judges faithfulness.");
            TextRules.Check(errors, "judge.provider", judge.Provider, TextRules.MaxProvider);
            TextRules.Check(errors, "judge.model", judge.Model, TextRules.MaxModel);
        }

        var p = request.Parameters;
        if (p?.Temperature is < 0 or > 2) Error("parameters.temperature", "must be between 0 and 2.");
        if (p?.TopP is <= 0 or > 1) Error("parameters.top_p", "must be greater than 0 and at most 1.");
        if (p?.MaxTokens is < 1 or > 32768) Error("parameters.max_tokens", "must be between 1 and 32768.");
        var parameters = new GenerationSettings(p?.Temperature ?? 0, p?.TopP ?? 1, p?.MaxTokens ?? 256, p?.Seed ?? 1);

        var methods = new List<MethodSpec>();
        if (request.Methods is not { Count: > 0 }) Error("methods", "must name at least one method.");
        else if (request.Methods.Count > MaxMethods) Error("methods", $"must name at most {MaxMethods} methods.");
        else
        {
            for (var i = 0; i < request.Methods.Count; i++)
            {
                if (Method(request.Methods[i], $"methods[{i}]", knowledgeDeployed, Error) is not { } spec) continue;
                if (methods.Any(m => m.Label == spec.Label)) Error($"methods[{i}].label", $"'{spec.Label}' is used by an earlier method; give each a distinct label.");
                else methods.Add(spec);
            }
        }
        return (methods, parameters, errors);
    }

    private static MethodSpec? Method(MethodRequest? request, string field, bool knowledgeDeployed, Action<string, string> error)
    {
        if (request is null || !EnumNames.TryParse<MethodKind>(request.Method, out var kind))
        {
            error($"{field}.method", EnumNames.Expected<MethodKind>());
            return null;
        }
        var o = request.Options;
        var ok = true;
        void Check(bool bad, string option, string message)
        {
            if (!bad) return;
            error($"{field}.options.{option}", message);
            ok = false;
        }
        Check(o?.TopK is < 1 or > 100, "top_k", "must be between 1 and 100.");
        Check(o?.ChunkSize is < 50 or > 20_000, "chunk_size", "must be between 50 and 20000 characters.");
        Check(o?.MaxSteps is < 1 or > 20, "max_steps", "must be between 1 and 20.");
        Check(TextRules.Problem(o?.Collection, TextRules.MaxName) is not null, "collection", TextRules.Problem(o?.Collection, TextRules.MaxName) ?? "");
        if (TextRules.Problem(request.Label, TextRules.MaxName) is { } badLabel)
        {
            error($"{field}.label", badLabel);
            ok = false;
        }
        var toolCalling = ToolCalling.Auto;
        if (o?.ToolCalling is { } requested)
        {
            Check(kind != MethodKind.Agent, "tool_calling", "only the agent method calls tools.");
            Check(!EnumNames.TryParse(requested, out toolCalling), "tool_calling", EnumNames.Expected<ToolCalling>());
        }
        if (kind.IsRag() && !knowledgeDeployed)
        {
            error($"{field}.method", $"{EnumNames.Name(kind)} needs the knowledge service, which this platform does not run.");
            ok = false;
        }
        if (!ok) return null;
        var label = string.IsNullOrWhiteSpace(request.Label) ? EnumNames.Name(kind) : request.Label.Trim();
        var defaults = new MethodOptions();
        return new MethodSpec(label, kind, new MethodOptions(o?.TopK ?? defaults.TopK, o?.ChunkSize ?? defaults.ChunkSize,
            o?.Collection ?? "", o?.MaxSteps ?? defaults.MaxSteps, kind == MethodKind.Agent ? toolCalling : ToolCalling.Text));
    }
}
