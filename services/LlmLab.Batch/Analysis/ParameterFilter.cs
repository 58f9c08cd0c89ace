using LlmLab.Batch.Domain;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Batch.Analysis;

/// <summary>Exact grid values to narrow a run's responses to (one heatmap cell, one configuration); absent ones match all.</summary>
public sealed record ParameterFilter(double? Temperature, double? TopP, int? MaxTokens, double? FrequencyPenalty, double? PresencePenalty)
{
    /// <summary>A 422 naming the first value that is not a finite number, or null.</summary>
    public ProblemHttpResult? Problem() =>
        new (string Name, double? Value)[] { ("temperature", Temperature), ("top_p", TopP), ("frequency_penalty", FrequencyPenalty), ("presence_penalty", PresencePenalty) }
            .Where(v => v.Value is { } d && !double.IsFinite(d))
            .Select(v => Problems.Invalid(v.Name, "must be a finite number."))
            .FirstOrDefault();

    public IQueryable<StoredResponse> Apply(IQueryable<StoredResponse> query)
    {
        if (Temperature is { } t) query = query.Where(r => r.Temperature == t);
        if (TopP is { } p) query = query.Where(r => r.TopP == p);
        if (MaxTokens is { } m) query = query.Where(r => r.MaxTokens == m);
        if (FrequencyPenalty is { } f) query = query.Where(r => r.FrequencyPenalty == f);
        if (PresencePenalty is { } s) query = query.Where(r => r.PresencePenalty == s);
        return query;
    }

    /// <summary>The given values by grid parameter name (GridCells.Parameters).</summary>
    public IReadOnlyDictionary<string, double> Fixed() =>
        new (string Name, double? Value)[] { ("temperature", Temperature), ("top_p", TopP), ("max_tokens", MaxTokens), ("frequency_penalty", FrequencyPenalty), ("presence_penalty", PresencePenalty) }
            .Where(v => v.Value is not null).ToDictionary(v => v.Name, v => v.Value!.Value);
}
