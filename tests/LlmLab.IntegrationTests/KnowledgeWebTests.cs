using LlmLab.IntegrationTests.Knowledge;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// The knowledge base and training pages in real headless Chromium (web/e2e/knowledge.mjs) against the platform these
/// tests started: real PDF (two pages), DOCX, TXT, Markdown and HTML files uploaded through the page (file button and
/// drag-and-drop) with each file's upload progress (a throttled 600 KB upload moves its bar), a corrupt and an encrypted PDF refused naming `file`, a chunk preview with page numbers, a search
/// in three columns, a delete; a tiny training job with its loss chart growing live, graded texts and their
/// agreement, the report with its HTML and PDF; axe-core and 390 px on every page; screenshots under
/// .llmlab/test-output/knowledge-web/.
/// </summary>
[Collection(PlatformCollection.Name)]
public class KnowledgeWebTests(PlatformFixture platform)
{
    private static readonly string[] Screenshots =
    [
        "knowledge-upload", "knowledge-documents", "knowledge-search", "knowledge-delete-confirm", "training-upload", "training-form-errors",
        "training-progress", "training-test", "training-report", "training-reports",
        "knowledge-390px", "training-390px", "training-job-390px", "training-report-390px", "training-reports-390px",
    ];

    /// <summary>Lines knowledge.mjs prints only when its check passed (it exits non-zero on the first failure).</summary>
    private static readonly string[] Checks =
    [
        "upload options: a wrong chunk size is named before sending", "uploaded 4 files through the file button (txt, md, pdf, docx)",
        "uploaded an HTML file by drag-and-drop", "upload progress per file: 0% → ", "refused 2 bad PDF(s) with a 4xx naming file",
        "documents list: field-guide=text, notes=markdown, page=html, handbook=pdf, guide=docx", "chunk preview of handbook: ",
        "search: three columns side by side", "delete: confirmed, the row and the API entry are gone",
        "training form: wrong fields named before sending, nothing sent", "cancel: asks first, focus on \"Keep training\"", "loss chart grew live: ",
        "agreement: Best predictor of the people's scores: ", "report: held-out loss ", "playground opens with local/e2e-kb-",
        "reports list: the job completed with its report links", "390 px: no page scrolls sideways; search columns stack",
        "axe: 0 serious or critical violations on every page", "kb-e2e: passed",
    ];

    [Fact]
    public async Task Documents_of_every_type_upload_search_and_train_a_model_that_is_tested_and_reported_in_chromium()
    {
        var web = Path.Combine(AppHostProcess.RepoRoot, "web");
        Assert.True(File.Exists(Path.Combine(web, "dist", "index.html")), "web/dist is missing: build it with `bash scripts/web.sh build` (scripts/test.sh does).");
        await new Training.TrainingApi(platform.CreateClient()).ReadyAsync();
        var output = BrowserScript.OutputFolder("knowledge-web");
        var fixtures = Path.Combine(output, "fixtures");
        Directory.CreateDirectory(fixtures);
        await File.WriteAllBytesAsync(Path.Combine(fixtures, "handbook.pdf"), TestFiles.Pdf(
            "Handbook page one: photosynthesis in leaves needs sunlight and water.", "Handbook page two: glaciers carve deep valleys over thousands of years."));
        await File.WriteAllBytesAsync(Path.Combine(fixtures, "guide.docx"), TestFiles.Docx(
            "Guide: the river delta floods each spring.", "Rice grows on the wet silt the flood leaves behind."));
        await File.WriteAllBytesAsync(Path.Combine(fixtures, "encrypted.pdf"), TestFiles.EncryptedPdf());

        var log = await BrowserScript.RunAsync(["e2e/knowledge.mjs", platform.GatewayUrl, PlatformFixture.ApiKey, output, fixtures], TimeSpan.FromMinutes(10));

        Assert.All(Checks, line => Assert.Contains(line, log, StringComparison.Ordinal));
        Assert.DoesNotContain("serious or critical violations —", log, StringComparison.Ordinal);
        BrowserScript.AssertScreenshots(output, Screenshots);
        Assert.StartsWith("%PDF", await File.ReadAllTextAsync(Path.Combine(output, "training-report.pdf")), StringComparison.Ordinal);
        Assert.Contains("<svg", await File.ReadAllTextAsync(Path.Combine(output, "training-report.html")), StringComparison.Ordinal);
    }
}
