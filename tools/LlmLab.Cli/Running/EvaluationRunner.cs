using System.Text.Json;
using LlmLab.Cli.Config;
using LlmLab.Cli.Platform;

namespace LlmLab.Cli.Running;

/// <summary>kind: evaluation — pushes or finds the dataset, starts the evaluation and sets its gate, watches it, then waits for the platform's gate result.</summary>
public sealed class EvaluationRunner(PlatformClient client, IProgressDisplay progress)
{
    public async Task<RunReport> RunAsync(EvaluationConfig config, CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        var datasets = new DatasetPusher(client);
        string datasetId;
        int? version = config.DatasetVersion;
        if (config.DatasetFile is { } file)
        {
            var pushed = await datasets.PushAsync(file, null, null, ct);
            (datasetId, version) = (pushed.Id, version ?? pushed.Version);
        }
        else datasetId = await datasets.ResolveAsync(config.Dataset!, ct);

        var created = await client.PostAsync("api/evaluations", new
        {
            name = config.Name, dataset_id = datasetId, dataset_version = version, sample_size = config.SampleSize, seed = config.Seed,
            methods = config.Methods.Select(m => new
            {
                method = m.Method, label = m.Label,
                options = m.TopK is null && m.ChunkSize is null && m.Collection is null && m.MaxSteps is null
                    ? null : new { top_k = m.TopK, chunk_size = m.ChunkSize, collection = m.Collection, max_steps = m.MaxSteps },
            }).ToList(),
            provider = config.Provider, model = config.Model,
            parameters = new { temperature = config.Temperature, top_p = config.TopP, max_tokens = config.MaxTokens, seed = config.GenerationSeed },
        }, ct);
        var id = created.GetProperty("id").GetString()!;
        // The platform evaluates the gate when the evaluation finishes (set just after it finished, at once).
        if (config.Gates is { } gates)
        {
            await client.PutAsync($"api/evaluations/{id}/gates", new
            {
                checks = gates.Checks.Select(c => new { metric = c.Metric, op = c.Op, value = c.Value, method = c.Method }).ToList(),
                no_significant_regression = gates.NoSignificantRegression, baseline_evaluation_id = gates.BaselineRunId,
            }, ct);
        }

        var final = await progress.ShowAsync(config.Name, report => RunWatcher.WaitAsync($"evaluation {id}", async token =>
        {
            var s = await client.GetAsync($"api/evaluations/{id}/status", token);
            return new ProgressUpdate(s.GetProperty("status").GetString() ?? "", s.GetProperty("progress").GetDouble(),
                s.GetProperty("completed_items").GetInt32(), s.GetProperty("failed_items").GetInt32(), s.GetProperty("total_items").GetInt32());
        }, report, started + config.Timeout, ct));

        var evaluation = await client.GetAsync($"api/evaluations/{id}", ct);
        var summaries = evaluation.TryGetProperty("summary", out var s) && s.ValueKind == JsonValueKind.Array ? s.EnumerateArray().ToList() : [];
        var succeeded = RunReport.SuccessfulStatuses.Contains(final.Status);
        var gate = config.Gates is not null && succeeded ? await PlatformGate.WaitAsync(client, id, started + config.Timeout, ct) : null;
        return new RunReport("evaluation", config.Name, config.File, id, null, final.Status, EvaluationResults.Of(summaries), gate,
            DateTimeOffset.UtcNow - started);
    }
}
