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

    /// <summary>The failed items these filters keep; none when a score is filtered on (a failed item has no score).</summary>
    public IQueryable<WorkItem> ApplyToFailed(IQueryable<WorkItem> items, IQueryable<BatchRun> runs)
    {
        if (MinOverallScore is not null || MaxOverallScore is not null) return items.Where(_ => false);
        if (ExperimentId is { } experiment) items = items.Where(w => runs.Any(r => r.Id == w.RunId && r.ExperimentId == experiment));
        if (BatchId is { } run) items = items.Where(w => w.RunId == run);
        if (Provider is { } provider) items = items.Where(w => runs.Any(r => r.Id == w.RunId && r.Provider == provider));
        if (Model is { } model) items = items.Where(w => w.Model == model || (w.Model == null && runs.Any(r => r.Id == w.RunId && r.Model == model)));
        if (TemperatureMin is { } tMin) items = items.Where(w => w.Temperature >= tMin);
        if (TemperatureMax is { } tMax) items = items.Where(w => w.Temperature <= tMax);
        if (CreatedAfter?.ToUniversalTime() is { } after) items = items.Where(w => w.FinishedAt >= after);
        if (CreatedBefore?.ToUniversalTime() is { } before) items = items.Where(w => w.FinishedAt < before);
        return items;
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
