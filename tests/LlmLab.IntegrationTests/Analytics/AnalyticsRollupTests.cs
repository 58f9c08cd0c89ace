using System.Net;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;
using LlmLab.TestKit;
using Npgsql;

namespace LlmLab.IntegrationTests.Analytics;

/// <summary>
/// Tenant-wide views answer from score_rollups, a run's or experiment's views from the rows. On one data set written the
/// ways the platform writes (COPY, a multi-row insert, single inserts, a delete), both must give the same answer, and
/// the summary the answer the test computes from the rows it wrote, also after a run's rows are erased.
/// </summary>
[Collection(PlatformCollection.Name)]
public class AnalyticsRollupTests(PlatformFixture platform)
{
    private static readonly Guid SavedExperiment = Guid.Parse("5a5a5a5a-0000-4000-8000-000000000001");
    private readonly HttpClient _client = platform.CreateClient(RollupTenant.Key);

    private static readonly string[] Views =
    [
        "/api/analytics/quality/breakdown", "/api/analytics/quality/trends", "/api/analytics/models/comparison",
        "/api/analytics/parameters/optimization", "/api/analytics/parameters/correlation", "/api/analytics/parameters/insights",
        "/api/analytics/quality/trends?metric=creativity_score&timeframe=5d", "/api/analytics/quality/breakdown?timeframe=5d",
        "/api/analytics/parameters/optimization?metric=creativity_score&timeframe=5d", "/api/analytics/models/comparison?timeframe=5d",
        "/api/analytics/parameters/correlation?timeframe=5d", "/api/analytics/summary", "/api/analytics/summary?timeframe=5d",
    ];

    private async Task<string> GetTextAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return text;
    }

    /// <summary>
    /// The same JSON: equal strings, counts and shapes; other numbers equal to 1e-9 relative, since unrounded figures
    /// (a value's mean in the optimisation) are sums taken in another order.
    /// </summary>
    private static void AssertSame(string view, string rows, string rollups)
    {
        var differences = new List<string>();
        Compare("$", JsonDocument.Parse(rows).RootElement, JsonDocument.Parse(rollups).RootElement, differences);
        Assert.True(differences.Count == 0, $"{view}: rows and rollups differ at {string.Join("; ", differences.Take(5))}");
    }

    private static void Compare(string path, JsonElement a, JsonElement b, List<string> differences)
    {
        if (a.ValueKind != b.ValueKind) { differences.Add($"{path}: {a} vs {b}"); return; }
        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var names = a.EnumerateObject().Select(p => p.Name).ToList();
                if (!names.SequenceEqual(b.EnumerateObject().Select(p => p.Name))) { differences.Add($"{path}: fields differ"); return; }
                foreach (var name in names) Compare($"{path}.{name}", a.GetProperty(name), b.GetProperty(name), differences);
                break;
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength()) { differences.Add($"{path}: {a.GetArrayLength()} vs {b.GetArrayLength()} items"); return; }
                for (var i = 0; i < a.GetArrayLength(); i++) Compare($"{path}[{i}]", a[i], b[i], differences);
                break;
            case JsonValueKind.Number:
                var (x, y) = (a.GetDouble(), b.GetDouble());
                if (Math.Abs(x - y) > 1e-9 * Math.Max(1, Math.Abs(x))) differences.Add($"{path}: {x} vs {y}");
                break;
            default:
                if (a.ToString() != b.ToString()) differences.Add($"{path}: {a} vs {b}");
                break;
        }
    }

    private static string With(string path, string query) => path + (path.Contains('?') ? "&" : "?") + query;

    [Fact]
    public async Task Tenant_wide_views_from_rollups_equal_the_views_computed_from_the_rows()
    {
        // Twelve parameter tuples over eight days: the rollup must sum many rows per grain.
        var rows = ScoredResponseSeed.Generate(new SeedShape(RollupTenant.Tenant, 420, Guid.Empty, Runs: 3, Days: 8, Temperatures: 3, TopPs: 2, Models: 2))
            .Concat(ScoredResponseSeed.Generate(new SeedShape(RollupTenant.Tenant, 60, SavedExperiment, Runs: 1, Days: 8, Temperatures: 3, TopPs: 2, Models: 2, RandomSeed: 7)))
            .ToList();
        var database = new PlatformStores(platform).EnvironmentOf("analytics")["ConnectionStrings__analyticsdb"];
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await ScoredResponseSeed.CopyAsync(connection, rows.Take(250));            // COPY, as the chunk consumer and a rebuild write
            await ScoredResponseSeed.CopyAsync(connection, rows.Skip(250).Take(200));  // a second COPY into the same grains: merged on conflict
            foreach (var row in rows.Skip(450)) await ScoredResponseSeed.CopyAsync(connection, [row]); // one row per statement, as the single-event consumer
            await using (var delete = new NpgsqlCommand("DELETE FROM scored_responses WHERE tenant_id = @t AND response_id = ANY(@ids)", connection))
            {
                delete.Parameters.AddWithValue("t", RollupTenant.Tenant);
                delete.Parameters.AddWithValue("ids", rows.Where((_, i) => i % 17 == 0).Select(r => r.ResponseId).ToArray());
                Assert.True(await delete.ExecuteNonQueryAsync() > 0);
            }
            await using var grains = new NpgsqlCommand("SELECT count(*), sum(responses) FROM score_rollups WHERE tenant_id = @t", connection);
            grains.Parameters.AddWithValue("t", RollupTenant.Tenant);
            await using var reader = await grains.ExecuteReaderAsync();
            await reader.ReadAsync();
            var kept = rows.Where((_, i) => i % 17 != 0).ToList();
            Assert.Equal((decimal)kept.Count, reader.GetDecimal(1));
            Assert.InRange(reader.GetInt64(0), 1, kept.Count / 2); // the rollup is smaller than the rows it sums
        }
        var remaining = rows.Where((_, i) => i % 17 != 0).ToList();

        // Independent check of the rollup path against the test's own arithmetic.
        var breakdown = JsonDocument.Parse(await GetTextAsync("/api/analytics/quality/breakdown")).RootElement;
        Assert.Equal(remaining.Count, breakdown.GetProperty("sample_size").GetInt32());
        var creativity = remaining.Where(r => r.Creativity is not null).Select(r => r.Creativity!.Value).ToList();
        var summary = breakdown.GetProperty("metrics").GetProperty("creativity_score");
        Assert.Equal(creativity.Count, summary.GetProperty("count").GetInt32());
        Assert.Equal(Math.Round(creativity.Average(), 4), summary.GetProperty("mean").GetDouble(), 4);
        Assert.Equal(creativity.Count, summary.GetProperty("histogram").EnumerateArray().Sum(b => b.GetProperty("count").GetInt32()));

        // Every view: the saved experiment's rows through the rollup (experiment_type) and through the rows (experiment_id).
        // The batch rows have no experiment (the nil id), which no caller may name, so they are checked by the totals above.
        foreach (var view in Views)
        {
            AssertSame(view, await GetTextAsync(With(view, $"experiment_id={SavedExperiment}")), await GetTextAsync(With(view, "experiment_type=experiment")));
        }

        // The tenant-wide summary (rollups and run sets) against the rows; then a run erased as a user erasure deletes it.
        SummaryOfRows.AssertEqual(remaining, JsonDocument.Parse(await GetTextAsync("/api/analytics/summary")).RootElement);
        var erasedRun = remaining[0].RunId;
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var erase = new NpgsqlCommand("DELETE FROM scored_responses WHERE tenant_id = @t AND run_id = @run", connection);
            erase.Parameters.AddWithValue("t", RollupTenant.Tenant);
            erase.Parameters.AddWithValue("run", erasedRun);
            Assert.True(await erase.ExecuteNonQueryAsync() > 0);
        }
        var afterErasure = remaining.Where(r => r.RunId != erasedRun).ToList();
        Assert.Equal(3, afterErasure.Select(r => r.RunId).Distinct().Count());
        SummaryOfRows.AssertEqual(afterErasure, JsonDocument.Parse(await GetTextAsync("/api/analytics/summary")).RootElement);
    }
}
