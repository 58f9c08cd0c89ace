using System.CommandLine;
using System.Text.Json;
using LlmLab.Cli.Config;
using LlmLab.Cli.Output;
using LlmLab.Cli.Running;

namespace LlmLab.Cli.Commands;

/// <summary><c>llmlab datasets push|list</c>: upload a dataset file (a new version when the name exists) or list the datasets.</summary>
public static class DatasetsCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A JSON, JSONL or CSV file of {question, answers} items." };
        var name = new Option<string?>("--name") { Description = "The dataset's name (default: the file name without extension)." };
        var description = new Option<string?>("--description") { Description = "A description of the dataset." };
        var push = new Command("push", "Upload a dataset file: a new dataset, or a new version of your dataset of the same name.") { file, name, description };
        push.SetAction((parsed, ct) => CliApp.GuardAsync(context, async () =>
        {
            var path = parsed.GetValue(file)!;
            if (!File.Exists(path)) throw new ConfigException($"file: no such file: {path}.");
            using var client = context.Client();
            var pushed = await new DatasetPusher(client).PushAsync(path, parsed.GetValue(name), parsed.GetValue(description), ct);
            await context.Output.WriteLineAsync($"pushed dataset {pushed.Name} (id {pushed.Id}) version {pushed.Version}, {pushed.ItemCount} items");
            return ExitCodes.Passed;
        }));

        var output = OutputOption.Create("table", "json");
        var list = new Command("list", "List the datasets you can evaluate on (shipped ones included).") { output };
        list.SetAction((parsed, ct) => CliApp.GuardAsync(context, async () =>
        {
            using var client = context.Client();
            var datasets = await client.ListAllAsync("api/datasets", ct);
            if (parsed.GetValue(output) == "json")
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(datasets));
                return ExitCodes.Passed;
            }
            context.Out.Write(ConsoleReport.Table(["id", "name", "version", "items", "builtin"], datasets.Select(d => (IReadOnlyList<string>)
                [d.GetProperty("id").ToString(), d.GetProperty("name").ToString(), d.GetProperty("version").ToString(), d.GetProperty("item_count").ToString(),
                 d.GetProperty("builtin").ToString()])));
            return ExitCodes.Passed;
        }));
        return new Command("datasets", "Datasets for evaluations.") { push, list };
    }
}
