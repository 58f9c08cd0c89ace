using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// The Annotate page in real headless Chromium (web/e2e/annotate.mjs) against the platform these tests started: a queue
/// made in the form (a field error first, nothing sent), four items reviewed with the keyboard only (score + Enter,
/// thumbs + a typed corrected answer + Ctrl+Enter, a skip that comes back last), progress 4 of 4; on an evaluation's page
/// the corrected answers become dataset version 2. axe-core and the 390 px check; screenshots under
/// .llmlab/test-output/annotate/.
/// </summary>
[Collection(PlatformCollection.Name)]
public class AnnotateWebTests(PlatformFixture platform)
{
    private static readonly string[] Screenshots =
    [
        "annotate-manager", "annotate-review", "annotate-done", "annotate-evaluation-version", "annotate-390px", "annotate-evaluation-390px",
    ];

    /// <summary>Lines annotate.mjs prints only when its check passed (it exits non-zero on the first failure).</summary>
    private static readonly string[] Checks =
    [
        "seeded: a batch run of 4 responses and an evaluation of 2 items",
        "create form: field errors in the API wording before sending, nothing sent",
        "create form: a queue over the batch run dealt 4 responses to 1 reviewer",
        "keyboard: Enter without a score says the score is missing",
        "keyboard: 4 then Enter saved item 1 and loaded item 2",
        "keyboard: t, c, a typed corrected answer (its letters fire nothing) and Ctrl+Enter saved item 2",
        "keyboard: s skipped item 3, which came back after item 4",
        "progress: the reviewer did 4 of 4, shown in the table and by the API",
        "evaluation page: corrected answers became dataset version 2",
        "390 px: the Annotate page and the evaluation page do not scroll sideways",
        "axe: 0 serious or critical violations on every annotate page",
        "no page errors",
    ];

    [Fact]
    public async Task The_annotate_page_makes_a_queue_reviews_it_by_keyboard_and_turns_corrections_into_a_dataset_version_in_chromium()
    {
        var web = Path.Combine(AppHostProcess.RepoRoot, "web");
        Assert.True(File.Exists(Path.Combine(web, "dist", "index.html")), "web/dist is missing: build it with `bash scripts/web.sh build` (scripts/test.sh does).");
        await PlatformReadiness.WaitUntilHealthyAsync(platform.CreateClient(), TimeSpan.FromMinutes(5));
        var output = BrowserScript.OutputFolder("annotate");
        var log = await BrowserScript.RunAsync(["e2e/annotate.mjs", platform.GatewayUrl, PlatformFixture.ApiKey, output], TimeSpan.FromMinutes(8));

        Assert.All(Checks, line => Assert.Contains(line, log, StringComparison.Ordinal));
        Assert.DoesNotContain("serious or critical violations —", log, StringComparison.Ordinal);
        BrowserScript.AssertScreenshots(output, Screenshots);
    }
}
