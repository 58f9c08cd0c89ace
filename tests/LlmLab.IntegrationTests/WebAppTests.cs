using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// The web app in real headless Chromium (Debian's package, driven by playwright-core from web/e2e/run.mjs) against the
/// platform these tests started: create an experiment in the UI, run a batch to 100%, open the analysis, export CSV
/// and check the file; axe-core on every page, no sideways scroll at 390 px, keyboard walks, run states (validation,
/// cancel, missing run, failed run, no key) and first-paint figures; a screenshot of every page under
/// .llmlab/test-output/web/.
/// </summary>
[Collection(PlatformCollection.Name)]
public class WebAppTests(PlatformFixture platform)
{
    private static readonly string[] Screenshots =
    [
        "settings", "dashboard", "experiment-form-error", "experiment-detail", "experiments", "batch-builder-errors", "batch-builder", "batch-analysis",
        "batch-analysis-cell", "response-drawer", "playground", "compare", "quality-metrics", "models", "admin", "batch-missing", "batch-paused", "batch-cancel-confirm",
        "batch-cancelled", "compare-different-grids", "compare-no-pairs", "compare-side-by-side", "compare-side-by-side-390px", "batch-failed", "playground-failed", "no-key",
        "dashboard-390px", "experiments-390px", "experiment-detail-390px", "batches-390px", "batch-analysis-390px", "playground-390px", "compare-390px",
        "quality-metrics-390px", "models-390px", "settings-390px", "admin-390px", "batch-matrix", "batch-matrix-gate", "batch-matrix-390px", "batch-virtual-rows",
    ];

    /// <summary>Lines run.mjs prints only when its check passed (it exits non-zero on the first failure).</summary>
    private static readonly string[] Checks =
    [
        "progress reached 100%", "CSV export checked: header and 12 rows", "admin: key issued in the UI worked, was revoked and refused; user added",
        "experiment status after Run the grid: ", "batch form: field errors in the API wording before sending, capped preview",
        "batch page: prompt, provider/model and grid shown; one best configuration",
        "keyboard: drawer opens with Enter, traps Tab, closes with Escape back to its row", "keyboard: skip link first, moves to the content",
        "missing run: says so and stops polling", "pause: counters stand still without rate or ETA", "cancel: confirmed, counters settled from the server", "compare: different grids explained",
        "compare: a metric with 0 paired items is explained",
        "compare: outputs side by side, paired and word-diffed, changed only", "failed run: shows its reason", "playground: a failed answer stops and shows the problem",
        "no key: one notice linking to Settings, no errors", "390 px: no page scrolls sideways", "axe: 0 serious or critical violations on every page",
        "static assets: ", "perf dashboard: FCP p50", "perf batch analysis: FCP p50",
        "analysis: heatmap and responses paged from the server, no whole-run download", "heatmap: a cell opens its responses by keyboard, sorted on the server",
        "dashboard: activity cards (calls, accuracy, latency p50/p95, tokens, cost) over a chosen timeframe", "builder: estimate from history with its basis",
        "charts: scatter and parallel coordinates, a point by keyboard opens its responses",
        "matrix: rows × columns of outputs and scores, cells by keyboard, pass/fail against the gate",
        "quality: a metric over time, for every run or one experiment, with its daily figures", "virtual table: ",
    ];

    [Fact]
    public async Task The_web_app_creates_an_experiment_runs_a_batch_to_100_percent_and_exports_its_csv_in_chromium()
    {
        var web = Path.Combine(AppHostProcess.RepoRoot, "web");
        Assert.True(File.Exists(Path.Combine(web, "dist", "index.html")), "web/dist is missing: build it with `bash scripts/web.sh build` (scripts/test.sh does).");
        var output = BrowserScript.OutputFolder("web");
        var log = await BrowserScript.RunAsync(["e2e/run.mjs", platform.GatewayUrl, PlatformFixture.ApiKey, output], TimeSpan.FromMinutes(10));

        Assert.All(Checks, line => Assert.Contains(line, log, StringComparison.Ordinal));
        Assert.DoesNotContain("serious or critical violations —", log, StringComparison.Ordinal);
        BrowserScript.AssertScreenshots(output, Screenshots);
        var csv = await File.ReadAllLinesAsync(Path.Combine(output, "batch-export.csv"));
        Assert.StartsWith("response_id,", csv[0], StringComparison.Ordinal);
        Assert.Equal(13, csv.Count(line => line.Length > 0));
    }
}
