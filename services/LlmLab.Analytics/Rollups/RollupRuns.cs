namespace LlmLab.Analytics.Rollups;

/// <summary>
/// score_rollup_runs: which runs had scored responses on a UTC day, per tenant and kind, so a tenant-wide view counts
/// distinct runs over a timeframe without the rows (a run spans days: counts cannot be summed per day). Kept by the
/// same statement triggers as <see cref="RollupSchema"/>; a run already in the day's set costs an index probe.
/// </summary>
public static class RollupRuns
{
    public const string Table = "score_rollup_runs";

    public const string CreateTable = $"""
        CREATE TABLE {Table} (
            tenant_id text NOT NULL,
            day date NOT NULL,
            is_batch boolean NOT NULL,
            run_id uuid NOT NULL,
            PRIMARY KEY (tenant_id, day, is_batch, run_id)
        );
        """;

    /// <summary>Adds the runs of <paramref name="rows"/> (shaped like scored_responses) to their days' sets, in key order.</summary>
    public static string AddRows(string rows) => $"""
        INSERT INTO {Table} (tenant_id, day, is_batch, run_id)
        SELECT DISTINCT tenant_id, {RollupSchema.DayOfRow}, {RollupSchema.IsBatchOfRow}, run_id FROM {rows}
        ORDER BY 1, 2, 3, 4
        ON CONFLICT DO NOTHING
        """;

    /// <summary>After a delete: the sets of the days it touched, again from the rows that remain.</summary>
    public static string Recompute() => $"""
        DELETE FROM {Table} r USING (SELECT DISTINCT tenant_id, {RollupSchema.DayOfRow} AS day FROM removed) d
            WHERE r.tenant_id = d.tenant_id AND r.day = d.day;
        {AddRows(RollupSchema.RowsOfRemovedDays)}
        """;
}
