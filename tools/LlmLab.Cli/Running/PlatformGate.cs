using System.Net;
using System.Text.Json;
using LlmLab.Cli.Platform;

namespace LlmLab.Cli.Running;

/// <summary>A run's or an evaluation's gate as the platform evaluated it (GET /api/runs/{id}/gate).</summary>
public static class PlatformGate
{
    /// <summary>Waits for the result: 409 means the run's scored responses are still arriving.</summary>
    public static async Task<GateOutcome> WaitAsync(PlatformClient client, string runId, DateTimeOffset deadline, CancellationToken ct)
    {
        while (true)
        {
            var (status, body) = await client.TryAsync(HttpMethod.Get, $"api/runs/{runId}/gate", null, ct, HttpStatusCode.Conflict);
            if (status == HttpStatusCode.OK && body is { } gate) return Of(gate);
            if (DateTimeOffset.UtcNow > deadline)
                throw new PlatformException(status, $"the gate of run {runId} was not evaluated by the time limit (timeout_seconds).");
            await Task.Delay(RunWatcher.Interval, ct);
        }
    }

    public static GateOutcome Of(JsonElement gate)
    {
        var checks = gate.GetProperty("checks").EnumerateArray().Select(c =>
        {
            var metric = c.GetProperty("metric").GetString() ?? "";
            var op = c.GetProperty("op").GetString() ?? "";
            var threshold = Number(c, "value");
            var name = threshold is { } v ? FormattableString.Invariant($"{metric} {op} {v}") : $"{metric} {op}";
            // An evaluation's checks are per method.
            if (c.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String) name = $"{m.GetString()}: {name}";
            return new GateCheckOutcome(name, metric, op, threshold, Number(c, "actual"), c.GetProperty("passed").GetBoolean(),
                c.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : "");
        }).ToList();
        return new GateOutcome(gate.GetProperty("passed").GetBoolean(), checks);
    }

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
