using LlmLab.Analytics.Domain;

namespace LlmLab.Analytics.Rollups;

/// <summary>
/// Partial covering indexes over the lowest <see cref="CoveredBuckets"/> hash buckets, holding every column the order
/// statistics read, so the fixed sample of a tenant with at least <see cref="CoveredFrom"/> rows (whose sample lies in
/// those buckets) is read by an index-only scan: about <see cref="HashSample.Target"/> index tuples in a few hundred
/// consecutive pages, instead of as many heap pages spread over the whole table. Smaller tenants' samples read the
/// bucket indexes and the heap, as before. response_id is included because the planner allows an index-only scan only
/// when every column the query names is in the index, and the bucket is an expression of response_id.
/// </summary>
public static class SampleIndexes
{
    public const int CoveredBuckets = 128;

    /// <summary>The fewest rows whose sample (<see cref="HashSample.Buckets"/>) lies within the covered buckets.</summary>
    public const long CoveredFrom = (long)HashSample.AllBuckets * HashSample.Target / CoveredBuckets;

    /// <summary>What a scope's condition and the API's output read besides the scores and parameters.</summary>
    private static readonly string[] Filters = ["response_id", "created_at", "experiment_id"];

    public static string Create() => $"""
        CREATE INDEX ix_scored_responses_sample_covering ON scored_responses (tenant_id, ({HashSample.Bucket}))
            INCLUDE ({string.Join(", ", Filters.Concat(ScoreColumns.NumericParameters).Concat(ScoreColumns.All).Append("response_time_ms"))})
            WHERE {HashSample.Bucket} < {CoveredBuckets};
        CREATE INDEX ix_scored_responses_model_sample_covering ON scored_responses (tenant_id, provider, model, ({HashSample.Bucket}))
            INCLUDE ({string.Join(", ", Filters.Append("response_time_ms"))})
            WHERE {HashSample.Bucket} < {CoveredBuckets};
        """;

    public static string Drop() => """
        DROP INDEX IF EXISTS ix_scored_responses_model_sample_covering;
        DROP INDEX IF EXISTS ix_scored_responses_sample_covering;
        """;
}
