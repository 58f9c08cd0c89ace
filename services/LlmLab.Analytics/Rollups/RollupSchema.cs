using LlmLab.Analytics.Domain;

namespace LlmLab.Analytics.Rollups;

/// <summary>
/// score_rollups: the tenant's scored responses summed per UTC day, kind (batch or saved experiment), provider, model and
/// parameter tuple — counts, sums, sums of squares, minimum, maximum and the ten histogram bins of every score, the
/// token and cost sums, and count and sum of the reference metrics (<see cref="ReferenceMetrics"/>); beside it the
/// day's set of runs (<see cref="RollupRuns"/>) for distinct run counts. Statement-level triggers on scored_responses
/// keep both in the same transaction as every write (COPY, multi-row insert, single insert, delete), so no writer can
/// forget them and a reader never sees them disagree with the rows.
/// </summary>
public static class RollupSchema
{
    public const string Table = "score_rollups";
    public const int Bins = 10;

    /// <summary>The grain: what a tenant-wide view can filter or group by without the raw rows.</summary>
    public static readonly IReadOnlyList<string> Keys =
        ["tenant_id", "day", "is_batch", "provider", "model", "temperature", "top_p", "max_tokens", "frequency_penalty", "presence_penalty"];

    public static string N(string score) => $"{score}_n";
    public static string Sum(string score) => $"{score}_sum";
    public static string SumOfSquares(string score) => $"{score}_sq";
    public static string Min(string score) => $"{score}_min";
    public static string Max(string score) => $"{score}_max";
    public static string Bin(string score, int bin) => $"{score}_b{bin}";

    /// <summary>Which of the ten bins over 0–100 a score falls in (values outside go to the nearest end bin); one home for raw and rollup.</summary>
    public static string BinOf(string score) => $"least(greatest(width_bucket({score}, 0, 100, {Bins}), 1), {Bins})";

    /// <summary>Batch runs have no saved experiment: their experiment id is empty.</summary>
    public const string IsBatchOfRow = "experiment_id = '00000000-0000-0000-0000-000000000000'";

    public const string DayOfRow = "(created_at AT TIME ZONE 'UTC')::date";

    /// <summary>The reference metrics the summary averages over the responses that carry them, kept in the metrics JSON.</summary>
    public static readonly IReadOnlyList<string> ReferenceMetrics = ["exact_match", "f1"];

    /// <summary>A reference metric of a row (null where the response had no reference); one home for raw and rollup.</summary>
    public static string MetricOfRow(string metric) => $"((metrics ->> '{metric}')::float8)";

    /// <summary>
    /// Every writer of a tenant's rows holds this advisory lock for its transaction: shared for the consumers, exclusive
    /// for a rebuild. Without it a rebuild holding the tenant's grain rows and a consumer holding a row the rebuild is
    /// about to insert would wait on each other (each grain is locked by the trigger after the rows are inserted).
    /// </summary>
    public static string WriterLock(string tenantExpression, bool exclusive) =>
        $"SELECT pg_advisory_xact_lock{(exclusive ? "" : "_shared")}(hashtext('score_rollups'), hashtext({tenantExpression}))";

    private static IEnumerable<(string Column, string Type, string FromRows, string Merge)> Measures()
    {
        yield return ("responses", "bigint", "count(*)", Add("responses"));
        yield return ("prompt_tokens", "bigint", "sum(prompt_tokens)", Add("prompt_tokens"));
        yield return ("completion_tokens", "bigint", "sum(completion_tokens)", Add("completion_tokens"));
        yield return ("cost_usd", "float8", "sum(cost_usd)", Add("cost_usd"));
        foreach (var s in ScoreColumns.All)
        {
            yield return (N(s), "bigint", $"count({s})", Add(N(s)));
            yield return (Sum(s), "float8", $"coalesce(sum({s}), 0)", Add(Sum(s)));
            yield return (SumOfSquares(s), "float8", $"coalesce(sum({s} * {s}), 0)", Add(SumOfSquares(s)));
            // least/greatest skip nulls, so a grain that had no value of this score takes the other side's.
            yield return (Min(s), "float8", $"min({s})", $"least({Table}.{Min(s)}, excluded.{Min(s)})");
            yield return (Max(s), "float8", $"max({s})", $"greatest({Table}.{Max(s)}, excluded.{Max(s)})");
            for (var b = 1; b <= Bins; b++)
                yield return (Bin(s, b), "bigint", $"count(*) FILTER (WHERE {s} IS NOT NULL AND {BinOf(s)} = {b})", Add(Bin(s, b)));
        }
        foreach (var m in ReferenceMetrics)
        {
            yield return (N(m), "bigint", $"count({MetricOfRow(m)})", Add(N(m)));
            yield return (Sum(m), "float8", $"coalesce(sum({MetricOfRow(m)}), 0)", Add(Sum(m)));
        }
    }

    private static string Add(string column) => $"{Table}.{column} + excluded.{column}";

    /// <summary>Sums the rows of <paramref name="rows"/> (a table or transition table shaped like scored_responses) into the rollup.</summary>
    private static string AddRows(string rows)
    {
        var measures = Measures().ToList();
        var keys = string.Join(", ", Keys);
        return $"""
            INSERT INTO {Table} ({keys}, {string.Join(", ", measures.Select(m => m.Column))})
            SELECT tenant_id, {DayOfRow}, {IsBatchOfRow}, provider, model, temperature, top_p, max_tokens, frequency_penalty, presence_penalty,
                   {string.Join(", ", measures.Select(m => m.FromRows))}
            FROM {rows}
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
            ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
            ON CONFLICT ({keys}) DO UPDATE SET {string.Join(", ", measures.Select(m => $"{m.Column} = {m.Merge}"))}
            """;
    }

    /// <summary>The remaining rows of the days (per tenant) that a delete's transition table <c>removed</c> touched.</summary>
    public const string RowsOfRemovedDays =
        $"scored_responses JOIN (SELECT DISTINCT tenant_id AS removed_tenant, {DayOfRow} AS removed_day FROM removed) d " +
        "ON tenant_id = removed_tenant AND created_at >= removed_day::timestamp AT TIME ZONE 'UTC' " +
        "AND created_at < (removed_day + 1)::timestamp AT TIME ZONE 'UTC'";

    /// <summary>The first migration's DDL: the rollups and their triggers (<see cref="CreateRollups"/>) and the sample indexes.</summary>
    public static string Create() => $"""
        {CreateRollups()}

        CREATE INDEX ix_scored_responses_sample ON scored_responses (tenant_id, ({HashSample.Bucket}));
        CREATE INDEX ix_scored_responses_model_sample ON scored_responses (tenant_id, provider, model, ({HashSample.Bucket}));
        """;

    /// <summary>
    /// Drops the rollups and their triggers and creates them again from the rows, in the migration's transaction
    /// (dropping a trigger locks scored_responses, so no write lands in between): idempotent, and exact for the rows held.
    /// </summary>
    public static string Recreate() => $"""
        {DropRollups()}
        {CreateRollups()}
        """;

    /// <summary>The tables, the triggers, and the rollup of the rows already held.</summary>
    private static string CreateRollups()
    {
        var columns = Keys.Select(k => k switch
            {
                "tenant_id" or "provider" or "model" => $"{k} text NOT NULL",
                "day" => "day date NOT NULL",
                "is_batch" => "is_batch boolean NOT NULL",
                "max_tokens" => "max_tokens integer NOT NULL",
                _ => $"{k} float8 NOT NULL",
            })
            .Concat(Measures().Select(m => $"{m.Column} {m.Type}{(m.Column.EndsWith("_min", StringComparison.Ordinal) || m.Column.EndsWith("_max", StringComparison.Ordinal) ? "" : " NOT NULL")}"));
        // Ordered so concurrent writers lock grain rows in one order (no deadlock); ORDER BY in AddRows does the rest.
        // A delete recomputes the affected days from the rows that remain: minimum and maximum cannot be subtracted.
        return $"""
            CREATE TABLE {Table} (
                {string.Join(",\n    ", columns)},
                PRIMARY KEY ({string.Join(", ", Keys)})
            );
            {RollupRuns.CreateTable}

            CREATE FUNCTION score_rollups_add() RETURNS trigger LANGUAGE plpgsql AS $rollup$
            BEGIN
                {AddRows("added")};
                {RollupRuns.AddRows("added")};
                RETURN NULL;
            END
            $rollup$;

            CREATE FUNCTION score_rollups_recompute() RETURNS trigger LANGUAGE plpgsql AS $rollup$
            BEGIN
                DELETE FROM {Table} r USING (SELECT DISTINCT tenant_id, {DayOfRow} AS day FROM removed) d
                    WHERE r.tenant_id = d.tenant_id AND r.day = d.day;
                {AddRows(RowsOfRemovedDays)};
                {RollupRuns.Recompute()};
                RETURN NULL;
            END
            $rollup$;

            CREATE TRIGGER scored_responses_rollup_insert AFTER INSERT ON scored_responses
                REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION score_rollups_add();
            CREATE TRIGGER scored_responses_rollup_delete AFTER DELETE ON scored_responses
                REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION score_rollups_recompute();

            {AddRows("scored_responses")};
            {RollupRuns.AddRows("scored_responses")};
            """;
    }

    public static string Drop() => $"""
        DROP INDEX IF EXISTS ix_scored_responses_model_sample;
        DROP INDEX IF EXISTS ix_scored_responses_sample;
        {DropRollups()}
        """;

    private static string DropRollups() => $"""
        DROP TRIGGER IF EXISTS scored_responses_rollup_delete ON scored_responses;
        DROP TRIGGER IF EXISTS scored_responses_rollup_insert ON scored_responses;
        DROP FUNCTION IF EXISTS score_rollups_recompute();
        DROP FUNCTION IF EXISTS score_rollups_add();
        DROP TABLE IF EXISTS {Table};
        DROP TABLE IF EXISTS {RollupRuns.Table};
        """;
}
