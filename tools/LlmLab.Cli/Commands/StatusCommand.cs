using System.CommandLine;
using System.Net;
using System.Text.Json;
using LlmLab.Cli.Output;
using LlmLab.Cli.Platform;
using LlmLab.Cli.Running;

namespace LlmLab.Cli.Commands;

/// <summary><c>llmlab status &lt;run-id&gt;</c>: a run's (or an evaluation's) status, progress and gate result.</summary>
public static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var runId = new Argument<Guid>("run-id") { Description = "A run (batch) id or an evaluation id." };
        var output = OutputOption.Create("table", "json");
        var command = new Command("status", "Show a run's or evaluation's status, progress and gate.") { runId, output };
        command.SetAction((parsed, ct) => CliApp.GuardAsync(context, async () =>
        {
            using var client = context.Client();
            var id = parsed.GetValue(runId);
            var (kind, status) = await ReadAsync(client, id, ct);
            var (gateStatus, gate) = await client.TryAsync(HttpMethod.Get, $"api/runs/{id}/gate", null, ct, HttpStatusCode.NotFound, HttpStatusCode.Conflict);
            if (parsed.GetValue(output) == "json")
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(new { kind, status, gate = gateStatus == HttpStatusCode.OK ? gate : null }));
                return ExitCodes.Passed;
            }
            var rows = status.EnumerateObject().Where(p => p.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
                .Select(p => (IReadOnlyList<string>)[p.Name, p.Value.ToString()]).Prepend(["kind", kind]);
            context.Out.Write(ConsoleReport.Table(["field", "value"], rows));
            if (gateStatus == HttpStatusCode.OK && gate is { } g)
            {
                var outcome = PlatformGate.Of(g);
                context.Out.Write(ConsoleReport.Table(["check", "actual", "passed", "reason"], outcome.Checks.Select(c => (IReadOnlyList<string>)
                    [c.Name, c.Actual?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", c.Passed ? "yes" : "NO", c.Reason])));
            }
            return ExitCodes.Passed;
        }));
        return command;
    }

    /// <summary>A batch run's status, else an evaluation's; a 404 from both names the id.</summary>
    private static async Task<(string Kind, JsonElement Status)> ReadAsync(PlatformClient client, Guid id, CancellationToken ct)
    {
        var (found, run) = await client.TryAsync(HttpMethod.Get, $"api/experiments/batch/{id}/status", null, ct, HttpStatusCode.NotFound);
        if (found == HttpStatusCode.OK && run is { } r) return ("run", r);
        var (evaluationFound, evaluation) = await client.TryAsync(HttpMethod.Get, $"api/evaluations/{id}/status", null, ct, HttpStatusCode.NotFound);
        if (evaluationFound == HttpStatusCode.OK && evaluation is { } e) return ("evaluation", e);
        throw new PlatformException(HttpStatusCode.NotFound, $"run-id: no run or evaluation with id {id}.");
    }
}
