using System.Globalization;
using System.Text.RegularExpressions;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace LlmLab.Analytics.Queries;

/// <summary>Which scored responses a view covers: the tenant's, optionally one run (batch), one experiment, a recent timeframe.</summary>
public sealed partial record AnalyticsScope(string TenantId, Guid? RunId, Guid? ExperimentId, DateTimeOffset? Since, string? ExperimentType = null)
{
    /// <summary>For role user: the only runs the view may cover (those it owns); null: every run of the tenant.</summary>
    public IReadOnlyList<Guid>? OwnRuns { get; init; }

    /// <summary>experiment_type: "batch" (runs made with POST /api/experiments/batch) or "experiment" (runs of a saved experiment).</summary>
    public static readonly IReadOnlyList<string> ExperimentTypes = ["batch", "experiment"];

    /// <summary>Reads <c>batch_id</c> (or <c>run_id</c>), <c>experiment_id</c>, <c>experiment_type</c> and <c>timeframe</c> ("7d", "30d", "90d"…); the error names the field.</summary>
    /// <summary>
    /// The scope of a request, or the problem+json naming the query parameter at fault: 400 when it is malformed, 404 when
    /// it names a run or experiment the caller does not have.
    /// </summary>
    public static async Task<(AnalyticsScope? Scope, ProblemHttpResult? Problem)> FromAsync(HttpContext http, TimeProvider time, CancellationToken ct,
        string? defaultTimeframe = null)
    {
        var (scope, field, error) = Parse(http, time, defaultTimeframe);
        if (scope is null) return (null, Problems.Invalid(field!, error!, StatusCodes.Status400BadRequest));
        var ids = http.RequestServices.GetRequiredService<KnownIds>();
        scope = scope with { OwnRuns = await ids.OwnRunsAsync(ct) };
        var unknown = await ids.UnknownAsync(scope, http, ct);
        return unknown is null ? (scope, null) : (null, unknown);
    }

    private static (AnalyticsScope? Scope, string? Field, string? Error) Parse(HttpContext http, TimeProvider time, string? defaultTimeframe)
    {
        var query = http.Request.Query;
        Guid? run = null, experiment = null;
        foreach (var field in new[] { "batch_id", "run_id" })
        {
            if (query[field].FirstOrDefault() is not { } text) continue;
            if (!Guid.TryParse(text, out var id)) return (null, field, "must be a UUID.");
            run = id;
        }
        if (query["experiment_id"].FirstOrDefault() is { } experimentText)
        {
            if (!Guid.TryParse(experimentText, out var id)) return (null, "experiment_id", "must be a UUID.");
            experiment = id;
        }
        var type = query["experiment_type"].FirstOrDefault();
        if (type is not null && !ExperimentTypes.Contains(type)) return (null, "experiment_type", "must be batch or experiment.");
        DateTimeOffset? since = null;
        if ((query["timeframe"].FirstOrDefault() ?? defaultTimeframe) is { } timeframe)
        {
            var match = Timeframe().Match(timeframe);
            if (!match.Success || !int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 3650)
                return (null, "timeframe", "must be a number of days from 1 to 3650 followed by 'd', such as 7d, 30d or 90d.");
            // Whole UTC days, today included: the per-day rollups then answer a timeframe exactly.
            since = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date.AddDays(1 - days), TimeSpan.Zero);
        }
        return (new AnalyticsScope(http.TenantId()!, run, experiment, since, type), null, null);
    }

    /// <summary>The WHERE condition over scored_responses (alias optional) and its parameters.</summary>
    public string Where(NpgsqlCommand command, string alias = "")
    {
        var a = alias.Length == 0 ? "" : alias + ".";
        command.Parameters.AddWithValue("tenant", TenantId);
        var conditions = new List<string> { $"{a}tenant_id = @tenant" };
        if (RunId is { } run) { command.Parameters.AddWithValue("run", run); conditions.Add($"{a}run_id = @run"); }
        if (OwnRuns is { } own) { command.Parameters.AddWithValue("own", own.ToArray()); conditions.Add($"{a}run_id = ANY(@own)"); }
        if (ExperimentId is { } experiment) { command.Parameters.AddWithValue("experiment", experiment); conditions.Add($"{a}experiment_id = @experiment"); }
        // Batch runs have no saved experiment: their experiment id is empty.
        if (ExperimentType == "batch") conditions.Add($"{a}experiment_id = '00000000-0000-0000-0000-000000000000'");
        if (ExperimentType == "experiment") conditions.Add($"{a}experiment_id <> '00000000-0000-0000-0000-000000000000'");
        if (Since is { } since) { command.Parameters.AddWithValue("since", since.ToUniversalTime()); conditions.Add($"{a}created_at >= @since"); }
        return string.Join(" AND ", conditions);
    }

    /// <summary>
    /// True when the view covers the whole tenant (at most narrowed by kind and timeframe), so the rollups answer it. A
    /// run, an experiment or a user's own runs are narrower than the rollups' grain: those views read the rows.
    /// </summary>
    public bool IsTenantWide => RunId is null && ExperimentId is null && OwnRuns is null;

    /// <summary>The same condition over score_rollups, whose grain is the UTC day and the kind (batch or experiment).</summary>
    public string RollupWhere(NpgsqlCommand command)
    {
        if (!IsTenantWide) throw new InvalidOperationException("Rollups are tenant-wide; a run, experiment or own-runs scope reads the rows.");
        command.Parameters.AddWithValue("tenant", TenantId);
        var conditions = new List<string> { "tenant_id = @tenant" };
        if (ExperimentType == "batch") conditions.Add("is_batch");
        if (ExperimentType == "experiment") conditions.Add("NOT is_batch");
        if (Since is { } since) { command.Parameters.AddWithValue("since_day", DateOnly.FromDateTime(since.UtcDateTime)); conditions.Add("day >= @since_day"); }
        return string.Join(" AND ", conditions);
    }

    [GeneratedRegex("^([0-9]{1,4})d$")]
    private static partial Regex Timeframe();
}
