using System.CommandLine;
using System.Text.Json;
using LlmLab.Cli.Output;
using LlmLab.Cli.Platform;

namespace LlmLab.Cli.Commands;

/// <summary><c>llmlab providers</c>: the models of every provider your tenant may use, with prices, and the default.</summary>
public static class ProvidersCommand
{
    public static Command Create(CliContext context)
    {
        var output = OutputOption.Create("table", "json");
        var command = new Command("providers", "List the providers and models you can run, with prices per 1M tokens.") { output };
        command.SetAction((parsed, ct) => CliApp.GuardAsync(context, async () =>
        {
            using var client = context.Client();
            var current = await client.GetAsync("api/llm/provider", ct);
            var models = await client.ListAllAsync("api/llm/models", ct);
            if (parsed.GetValue(output) == "json")
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(new { @default = current, models }));
                return ExitCodes.Passed;
            }
            var defaultProvider = current.GetProperty("provider").GetString();
            var defaultModel = current.GetProperty("model").GetString();
            context.Out.Write(ConsoleReport.Table(["provider", "model", "input_per_1m_usd", "output_per_1m_usd", "context_window", "default"],
                models.Select(m => (IReadOnlyList<string>)
                [
                    Text(m, "provider"), Text(m, "model"), Text(m, "input_price_per_million"), Text(m, "output_price_per_million"), Text(m, "context_window"),
                    Text(m, "provider") == defaultProvider && Text(m, "model") == defaultModel ? "yes" : "",
                ])));
            return ExitCodes.Passed;
        }));
        return command;
    }

    private static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ToString() : "";
}
