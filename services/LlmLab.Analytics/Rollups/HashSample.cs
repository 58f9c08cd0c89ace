namespace LlmLab.Analytics.Rollups;

/// <summary>
/// The fixed sample the order statistics (quantiles, Spearman's ranks) are computed on above <see cref="Target"/> rows:
/// responses whose id hashes into the lowest buckets of 1,024, read through an index on that hash, so the sample is the
/// same on every call and costs about <see cref="Target"/> row reads however large the tenant is. At or below the
/// target every row is used, so small scopes get the exact figure.
/// </summary>
public static class HashSample
{
    public const int Target = 20_000;
    public const int AllBuckets = 1024;

    /// <summary>Indexed (tenant_id, bucket) and (tenant_id, provider, model, bucket); the text must match the index expression.</summary>
    public const string Bucket = "(hashtext(response_id::text) & 1023)";

    /// <summary>How many buckets make a sample of about <paramref name="target"/> rows out of <paramref name="rows"/>.</summary>
    public static int Buckets(long rows, int target = Target) => rows <= target ? AllBuckets : (int)Math.Ceiling((double)AllBuckets * target / rows);

    /// <summary>The condition (with a leading AND) that keeps the sample, or nothing when every row is used.</summary>
    public static string Condition(long rows, int target = Target) =>
        Buckets(rows, target) >= AllBuckets ? "" : $" AND {Bucket} < {Buckets(rows, target)}";
}
