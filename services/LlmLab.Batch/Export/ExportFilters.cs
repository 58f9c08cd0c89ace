using LlmLab.Batch.Domain;

namespace LlmLab.Batch.Export;

/// <summary>The filters of a custom export; every one is optional and they combine with AND.</summary>
public sealed record ExportFilters
{
    public Guid? ExperimentId { get; init; }
    public Guid? BatchId { get; init; }
    public string? Provider { get; init; }
    public string? Model { get; init; }
    public double? MinOverallScore { get; init; }
    public double? MaxOverallScore { get; init; }
    public double? TemperatureMin { get; init; }
    public double? TemperatureMax { get; init; }
    public DateTimeOffset? CreatedAfter { get; init; }
    public DateTimeOffset? CreatedBefore { get; init; }

    public (string Field, string Message)? Validate()
    {
        if (MinOverallScore > MaxOverallScore) return ("filters.min_overall_score", "must not exceed filters.max_overall_score.");
        if (TemperatureMin > TemperatureMax) return ("filters.temperature_min", "must not exceed filters.temperature_max.");
        if (CreatedAfter > CreatedBefore) return ("filters.created_after", "must be before filters.created_before.");
        return null;
    }

    public IQueryable<StoredResponse> Apply(IQueryable<StoredResponse> query)
    {
        if (ExperimentId is { } experiment) query = query.Where(r => r.ExperimentId == experiment);
        if (BatchId is { } run) query = query.Where(r => r.RunId == run);
        if (Provider is { } provider) query = query.Where(r => r.Provider == provider);
        if (Model is { } model) query = query.Where(r => r.Model == model);
        if (MinOverallScore is { } min) query = query.Where(r => r.Metrics != null && r.Metrics.OverallScore >= min);
        if (MaxOverallScore is { } max) query = query.Where(r => r.Metrics != null && r.Metrics.OverallScore <= max);
        if (TemperatureMin is { } tMin) query = query.Where(r => r.Temperature >= tMin);
        if (TemperatureMax is { } tMax) query = query.Where(r => r.Temperature <= tMax);
        if (CreatedAfter?.ToUniversalTime() is { } after) query = query.Where(r => r.CreatedAt >= after);
        if (CreatedBefore?.ToUniversalTime() is { } before) query = query.Where(r => r.CreatedAt < before);
        return query;
    }
}
