using System.CommandLine;
using LlmLab.Cli.Config;
using LlmLab.Cli.Output;
using LlmLab.Cli.Running;

namespace LlmLab.Cli.Commands;

/// <summary><c>llmlab run &lt;file.yaml&gt;</c>: runs an experiment or evaluation file, prints the results and exits by its gate.</summary>
public static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The run file (YAML, kind: experiment or evaluation)." };
        var output = OutputOption.Create(ReportFormats.Names);
        var outputFile = new Option<string?>("--output-file") { Description = "Write the report (in the --output format; markdown for table) to this file." };
        var command = new Command("run", "Run an experiment or evaluation file; exit 0 when its gate passes, 1 when it fails, 2 for a bad file, 3 when the run fails.")
        {
            file, output, outputFile,
        };
        command.SetAction((parsed, ct) => CliApp.GuardAsync(context, async () =>
        {
            var config = ConfigLoader.Load(parsed.GetValue(file)!);
            using var client = context.Client();
            var progress = context.Progress();
            var report = config switch
            {
                ExperimentConfig experiment => await new ExperimentRunner(client, progress).RunAsync(experiment, ct),
                EvaluationConfig evaluation => await new EvaluationRunner(client, progress).RunAsync(evaluation, ct),
                _ => throw new ConfigException($"{config.File}: unknown kind."),
            };
            await WriteAsync(context, report, parsed.GetValue(output)!, parsed.GetValue(outputFile), ct);
            return report.ExitCode;
        }));
        return command;
    }

    private static async Task WriteAsync(CliContext context, RunReport report, string format, string? outputFile, CancellationToken ct)
    {
        if (outputFile is not null)
        {
            await File.WriteAllTextAsync(outputFile, ReportFormats.Render(format, report), ct);
            ConsoleReport.Write(context.Out, report);
        }
        else if (format == "table") ConsoleReport.Write(context.Out, report);
        else await context.Output.WriteAsync(ReportFormats.Render(format, report));

        // Whatever the format, the log says why the exit code is not 0.
        if (report.ExitCode == ExitCodes.GateFailed)
            await context.Error.WriteLineAsync($"llmlab: gate failed: {string.Join("; ", report.Gate!.Checks.Where(c => !c.Passed).Select(c => $"{c.Name} ({c.Reason})"))}");
        else if (report.ExitCode == ExitCodes.PlatformOrRun)
            await context.Error.WriteLineAsync($"llmlab: run {report.RunId} ended {report.Status}.");
    }
}
