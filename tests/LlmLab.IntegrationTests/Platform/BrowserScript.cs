namespace LlmLab.IntegrationTests.Platform;

/// <summary>
/// Runs one of web/e2e's browser scripts (playwright-core driving Debian's Chromium) through <see cref="NodeScript"/>.
/// </summary>
public static class BrowserScript
{
    public static string OutputFolder(string name)
    {
        var output = Path.Combine(AppHostProcess.RepoRoot, ".llmlab", "test-output", name);
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        return output;
    }

    public static async Task<string> RunAsync(string[] arguments, TimeSpan timeout)
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Chromium is missing: `bash scripts/setup.sh --browser` installs Debian's chromium (scripts/test.sh does).");
        return await NodeScript.RunAsync(arguments, timeout);
    }

    public static void AssertScreenshots(string output, IEnumerable<string> names)
    {
        Assert.All(names, name =>
        {
            var file = new FileInfo(Path.Combine(output, name + ".png"));
            Assert.True(file.Exists && file.Length > 5_000, $"screenshot {name}.png is missing or empty");
        });
    }
}
