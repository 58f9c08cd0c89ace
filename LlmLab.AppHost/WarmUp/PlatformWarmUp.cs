using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace LlmLab.AppHost.WarmUp;

/// <summary>
/// One batch run through the gateway, in a tenant of the AppHost's own, made before the platform is reported running:
/// the services' hot paths (gateway, batch, llm-integration, quality, analytics) compile their code on it instead of on
/// the user's first run, which on two cores was 73–85 % of the steady rate. The tenant is erased afterwards through the
/// same data-rights route a user has. A warm-up that fails is logged and the platform starts anyway.
/// </summary>
public sealed class PlatformWarmUp(WarmUpOptions options, Action<string> log)
{
    public const string Tenant = "llmlab-warmup";
    private static readonly double[] Temperatures = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

    /// <summary>A key of this start only: it is never written anywhere but the gateway's environment.</summary>
    private readonly string _key = "llmlab-warmup-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public bool Enabled => options.Calls > 0;

    /// <summary>The gateway's bootstrap key for the warm-up tenant (an index no other configuration uses).</summary>
    public IEnumerable<KeyValuePair<string, string>> GatewayEnvironment() => Enabled
        ?
        [
            new("Gateway__ApiKeys__9999__Key", _key),
            new("Gateway__ApiKeys__9999__Tenant", Tenant),
            new("Gateway__ApiKeys__9999__Subject", "apphost-warm-up"),
        ]
        : [];

    public async Task RunAsync(Uri gateway, CancellationToken stopping)
    {
        if (!Enabled) return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        using var client = new HttpClient { BaseAddress = gateway, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Add("X-Api-Key", _key);
        var clock = Stopwatch.StartNew();
        log($"warming up: a run of {options.Calls} calls on {options.Provider}/{options.Model} in tenant {Tenant}");
        try
        {
            var status = await RunOnceAsync(client, timeout.Token);
            log($"warm-up run {status} in {clock.Elapsed.TotalSeconds:0.0} s");
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or JsonException or KeyNotFoundException
                                       || ex is OperationCanceledException && !stopping.IsCancellationRequested)
        {
            log($"warm-up abandoned after {clock.Elapsed.TotalSeconds:0.0} s: {ex.Message}");
        }
        await EraseAsync(client, stopping);
    }

    private async Task<string> RunOnceAsync(HttpClient client, CancellationToken ct)
    {
        using var create = await client.PostAsJsonAsync("/api/experiments/batch", new
        {
            name = "platform warm-up",
            prompt = "Explain how rain forms.",
            provider = options.Provider,
            model = options.Model,
            response_count = options.Calls / Temperatures.Length,
            parameter_ranges = new { temperature = Temperatures, max_tokens = new[] { 60 } },
        }, ct);
        var created = await create.Content.ReadFromJsonAsync<JsonElement>(ct);
        if (!create.IsSuccessStatusCode) throw new InvalidOperationException($"creating the run answered {(int)create.StatusCode}: {created}");
        var id = created.GetProperty("id").GetGuid();
        using (var start = await client.PostAsync($"/api/experiments/batch/{id}/start", null, ct))
        {
            if (!start.IsSuccessStatusCode) throw new InvalidOperationException($"starting the run answered {(int)start.StatusCode}");
        }
        while (true)
        {
            await Task.Delay(250, ct);
            var status = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/batch/{id}/status", ct);
            var state = status.GetProperty("status").GetString();
            if (state is "completed" or "completed_with_errors" or "failed" or "cancelled") return state;
        }
    }

    private async Task EraseAsync(HttpClient client, CancellationToken stopping)
    {
        try
        {
            using var erase = await client.DeleteAsync($"/api/tenants/me?confirm={Tenant}", stopping);
            if (!erase.IsSuccessStatusCode) log($"erasing the warm-up tenant answered {(int)erase.StatusCode}: {await erase.Content.ReadAsStringAsync(stopping)}");
        }
        catch (HttpRequestException ex)
        {
            log($"erasing the warm-up tenant failed: {ex.Message}");
        }
    }
}
