using LlmLab.Experiments.Domain;
using LlmLab.ServiceKit;

namespace LlmLab.Experiments.Apis;

/// <summary>Moves fields between the wire shape and the entity.</summary>
internal static class ExperimentMapping
{
    public static Experiment NewExperiment(CallerIdentity caller, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = caller.TenantId,
        CreatedBy = caller.SubjectId,
        Name = "",
        Prompt = "",
        TemperatureMin = 0.7,
        TemperatureMax = 0.7,
        TemperatureStep = 0.1,
        TopPMin = 1.0,
        TopPMax = 1.0,
        TopPStep = 0.1,
        MaxTokens = 256,
        ResponseCount = 1,
        Status = ExperimentStatus.Draft,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public static void Apply(this Experiment e, ExperimentInput input)
    {
        e.Name = input.Name?.Trim() ?? e.Name;
        e.Description = input.Description ?? e.Description;
        e.Prompt = input.Prompt ?? e.Prompt;
        e.Provider = input.Provider?.Trim() ?? e.Provider;
        e.Model = input.Model?.Trim() ?? e.Model;
        e.TemperatureMin = input.TemperatureMin ?? e.TemperatureMin;
        e.TemperatureMax = input.TemperatureMax ?? input.TemperatureMin ?? e.TemperatureMax;
        e.TemperatureStep = input.TemperatureStep ?? e.TemperatureStep;
        e.TopPMin = input.TopPMin ?? e.TopPMin;
        e.TopPMax = input.TopPMax ?? input.TopPMin ?? e.TopPMax;
        e.TopPStep = input.TopPStep ?? e.TopPStep;
        e.MaxTokens = input.MaxTokens ?? e.MaxTokens;
        e.FrequencyPenalty = input.FrequencyPenalty ?? e.FrequencyPenalty;
        e.PresencePenalty = input.PresencePenalty ?? e.PresencePenalty;
        e.ResponseCount = input.ResponseCount ?? e.ResponseCount;
        e.Seed = input.Seed ?? e.Seed;
        e.JudgeProvider = input.JudgeProvider is null ? e.JudgeProvider : input.JudgeProvider.Trim() is { Length: > 0 } judge ? judge : null;
        e.JudgeModel = input.JudgeModel is null ? e.JudgeModel : input.JudgeModel.Trim();
        e.Tags = input.Tags?.Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct().ToList() ?? e.Tags;
        e.IsFavorited = input.IsFavorited ?? e.IsFavorited;
        e.IsArchived = input.IsArchived ?? e.IsArchived;
    }

    public static ExperimentDto ToDto(this Experiment e) => new(
        e.Id, e.Name, e.Description, e.Prompt, e.Provider, e.Model,
        e.TemperatureMin, e.TemperatureMax, e.TemperatureStep, e.TopPMin, e.TopPMax, e.TopPStep,
        e.MaxTokens, e.FrequencyPenalty, e.PresencePenalty, e.ResponseCount, e.Seed, e.JudgeProvider, e.JudgeModel, e.Tags,
        e.Status, e.IsFavorited, e.IsArchived,
        (int)Math.Min(int.MaxValue, (long)InclusiveRange.Count(e.TemperatureMin, e.TemperatureMax, e.TemperatureStep) * InclusiveRange.Count(e.TopPMin, e.TopPMax, e.TopPStep)),
        e.CreatedBy, e.CreatedAt, e.UpdatedAt);
}

public sealed record ExperimentDto(
    Guid Id, string Name, string Description, string Prompt, string Provider, string Model,
    double TemperatureMin, double TemperatureMax, double TemperatureStep,
    double TopPMin, double TopPMax, double TopPStep,
    int MaxTokens, double FrequencyPenalty, double PresencePenalty, int ResponseCount, long? Seed,
    string? JudgeProvider, string? JudgeModel, IReadOnlyList<string> Tags, ExperimentStatus Status, bool IsFavorited, bool IsArchived,
    int TotalCombinations, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
