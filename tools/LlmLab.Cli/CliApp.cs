using System.CommandLine;
using LlmLab.Cli.Commands;
using LlmLab.Cli.Config;
using LlmLab.Cli.Platform;

namespace LlmLab.Cli;

/// <summary>The <c>llmlab</c> command tree; every command answers one of <see cref="ExitCodes"/>.</summary>
public static class CliApp
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("llmlab: run LLM Lab experiments and evaluations from YAML files, with quality gates for CI.")
        {
            RunCommand.Create(context),
            DatasetsCommand.Create(context),
            ExportCommand.Create(context),
            CompareCommand.Create(context),
            StatusCommand.Create(context),
            ProvidersCommand.Create(context),
            LoginCommand.Create(context),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken ct = default)
    {
        var parsed = Build(context).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) await context.Error.WriteLineAsync($"llmlab: {error.Message}");
            await context.Error.WriteLineAsync("Run `llmlab --help` for usage.");
            return ExitCodes.UsageOrConfig;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false }, ct);
    }

    /// <summary>Runs a command's work and turns what went wrong into a message on stderr and the exit code for it.</summary>
    public static async Task<int> GuardAsync(CliContext context, Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (ConfigException e)
        {
            foreach (var error in e.Errors) await context.Error.WriteLineAsync($"llmlab: error: {error}");
            return ExitCodes.UsageOrConfig;
        }
        catch (PlatformException e) when (e.IsRefusedInput)
        {
            await context.Error.WriteLineAsync($"llmlab: the platform refused the request: {e.Message}");
            return ExitCodes.UsageOrConfig;
        }
        catch (PlatformException e)
        {
            await context.Error.WriteLineAsync($"llmlab: platform error: {e.Message}");
            return ExitCodes.PlatformOrRun;
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("llmlab: cancelled.");
            return ExitCodes.PlatformOrRun;
        }
    }
}
