using System.CommandLine;

namespace LlmLab.Cli.Commands;

/// <summary><c>llmlab export &lt;run-id&gt;</c>: a run's responses with their metrics, streamed as CSV or JSON (POST /api/export/batch).</summary>
public static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var runId = new Argument<Guid>("run-id") { Description = "The run (batch) id, as `llmlab run` prints it." };
        var format = new Option<string>("--format") { Description = "csv or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var outputFile = new Option<string?>("--output-file") { Description = "Write to this file instead of stdout." };
        var command = new Command("export", "Export a run's responses with metrics as CSV or JSON.") { runId, format, outputFile };
        command.SetAction((parsed, ct) => CliApp.GuardAsync(context, async () =>
        {
            using var client = context.Client();
            var path = parsed.GetValue(outputFile);
            var body = new { batch_id = parsed.GetValue(runId), format = parsed.GetValue(format) };
            if (path is null)
            {
                await context.Output.FlushAsync(ct);
                await using var stdout = context.OpenStandardOutput();
                await client.CopyToAsync(HttpMethod.Post, "api/export/batch", body, stdout, ct);
                return ExitCodes.Passed;
            }
            // Written beside the target and moved into place, so a refused or broken export leaves no half file.
            var partial = path + ".partial";
            try
            {
                await using (var file = File.Create(partial)) await client.CopyToAsync(HttpMethod.Post, "api/export/batch", body, file, ct);
                File.Move(partial, path, overwrite: true);
            }
            finally
            {
                File.Delete(partial);
            }
            await context.Error.WriteLineAsync($"exported run {parsed.GetValue(runId)} to {path}");
            return ExitCodes.Passed;
        }));
        return command;
    }
}
