using System.Text.Json;
using LlmLab.Cli.Platform;
using LlmLab.Cli.Running;

namespace LlmLab.Cli.Output;

/// <summary><c>--output json</c>: the report with snake_case names, the exit code and each result row keyed by its column.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Indented = new(PlatformClient.Json) { WriteIndented = true };

    public static string Render(RunReport r) => JsonSerializer.Serialize(new
    {
        kind = r.Kind, name = r.Name, file = r.File, run_id = r.RunId, experiment_id = r.ExperimentId, status = r.Status,
        passed = r.ExitCode == ExitCodes.Passed, exit_code = r.ExitCode, duration_seconds = Math.Round(r.Duration.TotalSeconds, 1),
        results = r.Results.Rows.Select(row => r.Results.Columns.Zip(row).ToDictionary(p => p.First, p => p.Second)).ToList(),
        gate = r.Gate is null ? null : new
        {
            passed = r.Gate.Passed,
            checks = r.Gate.Checks.Select(c => new { name = c.Name, metric = c.Metric, op = c.Op, threshold = c.Threshold, actual = c.Actual, passed = c.Passed, reason = c.Reason }).ToList(),
        },
    }, Indented);
}
