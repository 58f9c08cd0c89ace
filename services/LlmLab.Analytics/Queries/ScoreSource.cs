using LlmLab.Analytics.Analysis;
using LlmLab.Analytics.Rollups;
using Npgsql;

namespace LlmLab.Analytics.Queries;

/// <summary>
/// Where a view's sums come from: the raw rows (a run's or experiment's scope) or score_rollups (tenant-wide). Every view
/// asks the same questions of either — counts, sums, sums of squares, minimum, maximum, histogram bins — and finishes
/// the statistics in one place (<see cref="Moments"/>), so both give the same numbers.
/// </summary>
public abstract class ScoreSource
{
    public static ScoreSource For(AnalyticsScope scope) => scope.IsTenantWide ? new RollupSource(scope) : new RawSource(scope);

    /// <summary>"FROM … WHERE …" of the scope, with its parameters added to the command.</summary>
    public abstract string From(NpgsqlCommand command);

    /// <summary>"FROM … WHERE …" of the scope's runs (rows carrying run_id), with its parameters added to the command.</summary>
    public abstract string RunsFrom(NpgsqlCommand command);

    public abstract string Responses { get; }
    /// <summary>The columns a score's aggregates read, for a CTE that several aggregates scan.</summary>
    public abstract string Columns(string score);
    public abstract string Day { get; }
    public abstract string N(string score);
    public abstract string Sum(string score);
    public abstract string SumOfSquares(string score);
    public abstract string Min(string score);
    public abstract string Max(string score);
    public abstract string Bin(string score, int bin);
    /// <summary>True where the score has at least one value.</summary>
    public abstract string HasValue(string score);

    /// <summary>Count and sum of a reference metric (<see cref="RollupSchema.ReferenceMetrics"/>) over the responses that carry it.</summary>
    public abstract string ReferenceN(string metric);
    public abstract string ReferenceSum(string metric);

    /// <summary>Sums of a parameter, its square and its product with the score, over the rows where the score has a value.</summary>
    public abstract string ParameterSum(string parameter, string score);
    public abstract string ParameterSquares(string parameter, string score);
    public abstract string ParameterProducts(string parameter, string score);

    /// <summary>The five moments of a score (N, sum, sum of squares, min, max) as select-list expressions.</summary>
    public string MomentsOf(string score) => $"{N(score)}, {Sum(score)}, {SumOfSquares(score)}, {Min(score)}, {Max(score)}";

    /// <summary>Reads the five columns <see cref="MomentsOf"/> selected, starting at <paramref name="at"/>.</summary>
    public static Moments ReadMoments(NpgsqlDataReader r, int at) => new(
        r.WholeNumber(at),
        r.IsDBNull(at + 1) ? 0 : r.GetDouble(at + 1), r.IsDBNull(at + 2) ? 0 : r.GetDouble(at + 2), r.NullableDouble(at + 3), r.NullableDouble(at + 4));
}

/// <summary>The scored responses themselves.</summary>
public sealed class RawSource(AnalyticsScope scope) : ScoreSource
{
    public override string From(NpgsqlCommand command) => $"FROM scored_responses WHERE {scope.Where(command)}";
    public override string RunsFrom(NpgsqlCommand command) => From(command);
    public override string Responses => "count(*)";
    public override string Columns(string score) => score;
    public override string Day => RollupSchema.DayOfRow;
    public override string N(string score) => $"count({score})";
    public override string Sum(string score) => $"sum({score})";
    public override string SumOfSquares(string score) => $"sum({score} * {score})";
    public override string Min(string score) => $"min({score})";
    public override string Max(string score) => $"max({score})";
    public override string Bin(string score, int bin) => $"count(*) FILTER (WHERE {score} IS NOT NULL AND {RollupSchema.BinOf(score)} = {bin})";
    public override string HasValue(string score) => $"{score} IS NOT NULL";
    public override string ReferenceN(string metric) => $"count({RollupSchema.MetricOfRow(metric)})";
    public override string ReferenceSum(string metric) => $"sum({RollupSchema.MetricOfRow(metric)})";
    public override string ParameterSum(string parameter, string score) => $"sum({parameter}::float8) FILTER (WHERE {score} IS NOT NULL)";
    public override string ParameterSquares(string parameter, string score) => $"sum({parameter}::float8 * {parameter}) FILTER (WHERE {score} IS NOT NULL)";
    public override string ParameterProducts(string parameter, string score) => $"sum({parameter}::float8 * {score})";
}

/// <summary>score_rollups: one row per day, kind, provider, model and parameter tuple; score_rollup_runs for the runs.</summary>
public sealed class RollupSource(AnalyticsScope scope) : ScoreSource
{
    public override string From(NpgsqlCommand command) => $"FROM {RollupSchema.Table} WHERE {scope.RollupWhere(command)}";
    public override string RunsFrom(NpgsqlCommand command) => $"FROM {RollupRuns.Table} WHERE {scope.RollupWhere(command)}";
    public override string Responses => "sum(responses)";
    public override string Columns(string score) =>
        string.Join(", ", new[] { RollupSchema.N(score), RollupSchema.Sum(score), RollupSchema.SumOfSquares(score), RollupSchema.Min(score), RollupSchema.Max(score) });
    public override string Day => "day";
    public override string N(string score) => $"sum({RollupSchema.N(score)})";
    public override string Sum(string score) => $"sum({RollupSchema.Sum(score)})";
    public override string SumOfSquares(string score) => $"sum({RollupSchema.SumOfSquares(score)})";
    public override string Min(string score) => $"min({RollupSchema.Min(score)})";
    public override string Max(string score) => $"max({RollupSchema.Max(score)})";
    public override string Bin(string score, int bin) => $"sum({RollupSchema.Bin(score, bin)})";
    public override string HasValue(string score) => $"{RollupSchema.N(score)} > 0";
    public override string ReferenceN(string metric) => $"sum({RollupSchema.N(metric)})";
    public override string ReferenceSum(string metric) => $"sum({RollupSchema.Sum(metric)})";
    public override string ParameterSum(string parameter, string score) => $"sum({parameter}::float8 * {RollupSchema.N(score)})";
    public override string ParameterSquares(string parameter, string score) => $"sum({parameter}::float8 * {parameter} * {RollupSchema.N(score)})";
    public override string ParameterProducts(string parameter, string score) => $"sum({parameter}::float8 * {RollupSchema.Sum(score)})";
}
