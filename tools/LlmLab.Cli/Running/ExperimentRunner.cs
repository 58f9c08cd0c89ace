using System.Net;
using System.Text.Json;
using LlmLab.Cli.Config;
using LlmLab.Cli.Platform;

namespace LlmLab.Cli.Running;

/// <summary>
/// kind: experiment — saves the experiment of that name (created, or updated so each CI run is compared with the
/// previous one), sets or clears its gate, starts a run, watches it, then reads the platform's gate and the results.
/// </summary>
public sealed class ExperimentRunner(PlatformClient client, IProgressDisplay progress)
{
    public async Task<RunReport> RunAsync(ExperimentConfig config, CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        var deadline = started + config.Timeout;
        var experimentId = await SaveExperimentAsync(config, ct);
        await SaveGateAsync(experimentId, config.Gates, ct);

        var (_, accepted) = await client.TryAsync(HttpMethod.Post, "api/responses/generate", new { experiment_id = experimentId }, ct);
        var runId = RunIdOf(accepted);
        var final = await progress.ShowAsync(config.Name, report => RunWatcher.WaitAsync($"run {runId}", async token =>
        {
            var s = await client.GetAsync($"api/experiments/batch/{runId}/status", token);
            return new ProgressUpdate(s.GetProperty("status").GetString() ?? "", s.GetProperty("progress").GetDouble(),
                s.GetProperty("completed_combinations").GetInt32(), s.GetProperty("failed_combinations").GetInt32(), s.GetProperty("total_combinations").GetInt32());
        }, report, deadline, ct));

        var succeeded = RunReport.SuccessfulStatuses.Contains(final.Status);
        // The gate is evaluated once the run's scored responses have arrived, so the results table is read after it.
        var gate = config.Gates is not null && succeeded ? await PlatformGate.WaitAsync(client, runId, deadline.AddMinutes(2), ct) : null;
        var responses = await client.ListAllAsync($"api/responses/{experimentId}?run_id={runId}", ct);
        return new RunReport("experiment", config.Name, config.File, runId, experimentId, final.Status, ExperimentResults.Of(responses), gate,
            DateTimeOffset.UtcNow - started);
    }

    private async Task<string> SaveExperimentAsync(ExperimentConfig c, CancellationToken ct)
    {
        var body = new
        {
            name = c.Name, description = c.Description, prompt = c.Prompt, provider = c.Provider, model = c.Model,
            temperature_min = c.Temperature.Min, temperature_max = c.Temperature.Max, temperature_step = c.Temperature.Step,
            top_p_min = c.TopP.Min, top_p_max = c.TopP.Max, top_p_step = c.TopP.Step,
            max_tokens = c.MaxTokens, frequency_penalty = c.FrequencyPenalty, presence_penalty = c.PresencePenalty,
            response_count = c.ResponseCount, seed = c.Seed,
        };
        var existing = (await client.ListAllAsync($"api/experiments?q={Uri.EscapeDataString(c.Name)}", ct))
            .FirstOrDefault(e => e.GetProperty("name").GetString() == c.Name);
        if (existing.ValueKind == JsonValueKind.Object)
        {
            var id = existing.GetProperty("id").GetString()!;
            await client.PutAsync($"api/experiments/{id}", body, ct);
            return id;
        }
        return (await client.PostAsync("api/experiments", body, ct)).GetProperty("id").GetString()!;
    }

    private async Task SaveGateAsync(string experimentId, GateConfig? gates, CancellationToken ct)
    {
        if (gates is null)
        {
            // A gate left from an earlier version of the file must not judge this run.
            await client.TryAsync(HttpMethod.Delete, $"api/experiments/{experimentId}/gates", null, ct, HttpStatusCode.NotFound);
            return;
        }
        await client.PutAsync($"api/experiments/{experimentId}/gates", new
        {
            checks = gates.Checks.Select(c => new { metric = c.Metric, op = c.Op, value = c.Value }).ToList(),
            no_significant_regression = gates.NoSignificantRegression,
            baseline_run_id = gates.BaselineRunId,
            regression_metric = gates.RegressionMetric,
        }, ct);
    }

    /// <summary>The run id of POST /api/responses/generate: 202 <c>{run_id}</c>, or a 200 that carries it at the top or on its responses.</summary>
    public static string RunIdOf(JsonElement? answer)
    {
        if (answer is { ValueKind: JsonValueKind.Object } a)
        {
            if (a.TryGetProperty("run_id", out var id) && id.GetString() is { } run) return run;
            if (a.TryGetProperty("id", out id) && id.ValueKind == JsonValueKind.String) return id.GetString()!;
        }
        if (answer is { } list && (list.ValueKind == JsonValueKind.Array || list.TryGetProperty("items", out _) || list.TryGetProperty("responses", out _)))
        {
            var items = list.ValueKind == JsonValueKind.Object && list.TryGetProperty("responses", out var responses) ? JsonList.Items(responses) : JsonList.Items(list);
            if (items.Count > 0 && items[0].TryGetProperty("run_id", out var first) && first.GetString() is { } run) return run;
        }
        throw new PlatformException(null, $"POST /api/responses/generate answered without a run id: {answer}");
    }
}
