using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// The dataset and evaluation pages in real headless Chromium (web/e2e/evaluations.mjs) against the platform these tests
/// started: upload a dataset (a bad row refused naming line and field), pick versions, page a shipped dataset; create an
/// evaluation (naive + rag + agent on a shipped dataset) through the form, watch it finish, open a grid cell's drawer with
/// the agent trace and retrieved chunks, the method comparison with a word diff; pause, resume and cancel another;
/// axe-core and the 390 px check on every page; screenshots under .llmlab/test-output/evaluations/.
/// </summary>
[Collection(PlatformCollection.Name)]
public class EvaluationWebTests(PlatformFixture platform)
{
    private static readonly string[] Screenshots =
    [
        "dataset-upload-error", "dataset-detail", "dataset-builtin", "evaluation-form-errors", "evaluation-detail", "evaluation-item-drawer",
        "evaluation-rag-drawer", "evaluation-compare", "evaluation-paused", "evaluation-cancelled",
        "datasets-390px", "dataset-detail-390px", "evaluations-390px", "evaluation-detail-390px", "evaluation-compare-390px",
    ];

    /// <summary>Lines evaluations.mjs prints only when its check passed (it exits non-zero on the first failure).</summary>
    private static readonly string[] Checks =
    [
        "datasets: the shipped datasets are listed and marked built-in",
        "upload: the server's 422 is shown naming line and field",
        "upload: a valid JSONL file became version 1 with 3 items, answers and aliases previewed",
        "dataset page: version 2 has 4 items, picking version 1 shows its 3",
        "dataset page: a shipped dataset pages its items 20 at a time",
        "evaluation form: field errors in the API wording before sending, nothing sent",
        "evaluation created in the form ran to 100%: 18 answered",
        "evaluation page: metric cards per method",
        "evaluation page: top 5 fastest and slowest items",
        "evaluation page: gate editor (a share over 1 refused before sending), set on the finished evaluation, evaluated at once per method: failed",
        "grid: a cell opens the drawer by keyboard with question, expected, answer, extracted answer, scores and the agent trace",
        "grid: a rag cell shows the retrieved chunks",
        "comparison: 3 pairs with 2×2 counts, CI, McNemar and Holm p; naive vs rag side by side on 6 items with",
        "pause: counters stand still without a rate", "resume: running again", "cancel: confirmed, counters settled from the server",
        "missing evaluation: says so", "390 px: no evaluation page scrolls sideways", "axe: 0 serious or critical violations on every evaluation page",
        "no page errors",
    ];

    [Fact]
    public async Task The_dataset_and_evaluation_pages_upload_run_compare_and_show_traces_in_chromium()
    {
        var web = Path.Combine(AppHostProcess.RepoRoot, "web");
        Assert.True(File.Exists(Path.Combine(web, "dist", "index.html")), "web/dist is missing: build it with `bash scripts/web.sh build` (scripts/test.sh does).");
        var output = BrowserScript.OutputFolder("evaluations");
        var log = await BrowserScript.RunAsync(["e2e/evaluations.mjs", platform.GatewayUrl, PlatformFixture.ApiKey, output], TimeSpan.FromMinutes(10));

        Assert.All(Checks, line => Assert.Contains(line, log, StringComparison.Ordinal));
        Assert.DoesNotContain("serious or critical violations —", log, StringComparison.Ordinal);
        BrowserScript.AssertScreenshots(output, Screenshots);
    }
}
