namespace LlmLab.Analytics.TenantData;

/// <summary>
/// What an erasure leaves behind in the read model so that events still on their way cannot bring erased data back:
/// a tenant erasure keeps a cutoff (every run created before the erasure was requested is gone for good), a user
/// erasure the ids of the runs it erased. Every writer of run data checks both in the statement that writes (see
/// <see cref="Data.ScoredResponseWriter"/>), under the tenant's writer lock that the erasure holds exclusively.
/// Written by SQL only (no EF entity), so the EF model does not change.
/// </summary>
public static class ErasureFence
{
    public const string CreateSql = """
        CREATE TABLE tenant_erasures (
            tenant_id text PRIMARY KEY,
            run_cutoff uuid NOT NULL,
            erased_at timestamptz NOT NULL);
        CREATE TABLE erased_runs (
            run_id uuid PRIMARY KEY,
            tenant_id text NOT NULL,
            erased_at timestamptz NOT NULL);
        """;

    public const string DropSql = "DROP TABLE IF EXISTS erased_runs; DROP TABLE IF EXISTS tenant_erasures;";

    /// <summary>
    /// A SQL condition that is true when the run (<paramref name="runId"/>, of <paramref name="tenantId"/>) was erased.
    /// Run ids are version 7 UUIDs, which PostgreSQL orders by their leading creation time, so "created before the
    /// erasure" is a plain comparison with the cutoff.
    /// </summary>
    public static string Erased(string tenantId, string runId) => $"""
        (EXISTS (SELECT 1 FROM tenant_erasures e WHERE e.tenant_id = {tenantId} AND {runId} <= e.run_cutoff)
         OR EXISTS (SELECT 1 FROM erased_runs x WHERE x.run_id = {runId}))
        """;

    /// <summary>
    /// The largest version 7 UUID of the millisecond <paramref name="requestedAt"/>: every run id created at or before it
    /// compares lower or equal, every later one higher.
    /// </summary>
    public static Guid RunCutoff(DateTimeOffset requestedAt)
    {
        var milliseconds = requestedAt.ToUnixTimeMilliseconds();
        var hex = milliseconds.ToString("x12", System.Globalization.CultureInfo.InvariantCulture);
        return Guid.Parse($"{hex[..8]}-{hex[8..12]}-ffff-ffff-ffffffffffff");
    }
}
