using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;
using Xunit.Abstractions;

namespace LlmLab.IntegrationTests.HostileInput;

/// <summary>
/// The hostile-input suite of issue 10: several hundred generated requests across every route and method, through the
/// gateway, as a tenant of its own. None may answer ≥ 500 or take 10 s; every refusal is problem+json (OpenAI's error
/// shape on /v1) naming the field at fault; and nothing a refused request carried is persisted.
/// </summary>
[Collection(PlatformCollection.Name)]
public class HostileInputTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly TimeSpan Slowest = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Hundreds_of_generated_hostile_requests_are_refused_cleanly_naming_the_field_and_persist_nothing()
    {
        using var hostile = platform.CreateClient(PlatformFixture.HostileApiKey);
        using var other = platform.CreateClient();
        await PlatformReadiness.WaitUntilHealthyAsync(other, TimeSpan.FromMinutes(5));
        var ids = await ArrangeAsync(hostile, other);
        await WarmUpAsync(hostile, ids);
        var before = await SnapshotAsync(hostile, other, ids);

        var cases = HostileCases.All(ids);
        var failures = new ConcurrentBag<string>();
        var slowest = TimeSpan.Zero;
        using var gate = new SemaphoreSlim(4);
        var total = Stopwatch.StartNew();
        await Task.WhenAll(cases.Select(async c =>
        {
            await gate.WaitAsync();
            try
            {
                var (failure, elapsed) = await RunAsync(hostile, c);
                if (failure is not null) failures.Add($"{c}: {failure}");
                lock (failures) slowest = elapsed > slowest ? elapsed : slowest;
            }
            finally
            {
                gate.Release();
            }
        }));

        var after = await SnapshotAsync(hostile, other, ids);
        var summary = $"Hostile input: {cases.Count} cases over {cases.Select(c => c.Path.Split('?')[0]).Distinct().Count()} paths " +
                      $"in {total.Elapsed.TotalSeconds:0.0} s, slowest {slowest.TotalMilliseconds:0} ms, {failures.Count} failures.";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.True(cases.Count >= 600, $"only {cases.Count} cases were generated");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {cases.Count} cases failed:\n" + string.Join("\n", failures.Order().Take(80)));
        Assert.Equal(before, after);
    }

    /// <summary>The hostile tenant's own experiment and batch (never started), and another tenant's, which it must not reach.</summary>
    private static async Task<TargetIds> ArrangeAsync(HttpClient hostile, HttpClient other)
    {
        // A dependency still warming up answers 503 ("nothing was changed"): the targets are arranged again until it is up.
        async Task<Guid> CreateAsync(HttpClient client, string path, object body)
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (true)
            {
                using var response = await client.PostAsJsonAsync(path, body);
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
                    return (await PlatformApi.ReadAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
                await Task.Delay(1000);
            }
        }
        var batch = new { name = "hostile-target", prompt = "Explain rain.", parameter_ranges = new { temperature = new[] { 0.2, 0.8 } } };
        return new TargetIds(
            await CreateAsync(hostile, "/api/experiments", PlatformApi.Grid3x3("hostile-own")),
            await CreateAsync(hostile, "/api/experiments/batch", batch),
            await CreateAsync(other, "/api/experiments", PlatformApi.Grid3x3("hostile-foreign")),
            await CreateAsync(other, "/api/experiments/batch", batch));
    }

    /// <summary>One valid call per service first: a cold service's first answer (JIT, pools, models) is not what the 10 s bound is about.</summary>
    private static async Task WarmUpAsync(HttpClient hostile, TargetIds ids)
    {
        string[] paths =
        [
            "/api/experiments", "/api/experiments/batch", $"/api/responses/{ids.OwnExperiment}", "/api/analytics/quality/breakdown",
            $"/api/analytics/quality/breakdown?batch_id={ids.OwnBatch}", $"/api/experiments/batch/{ids.OwnBatch}/insights", "/api/llm/provider", "/v1/models",
            "/api/evaluations", "/api/datasets", "/api/training/jobs", "/api/webhooks", "/api/documents",
        ];
        foreach (var path in paths) (await hostile.GetAsync(path)).Dispose();
        (await hostile.PostAsJsonAsync("/api/quality/analyze", new { text = "Rain falls from clouds." })).Dispose();
        (await hostile.PostAsJsonAsync("/api/knowledge/search", new { query = "rain", mode = "hybrid", top_k = 3 })).Dispose();
    }

    /// <summary>What a refused request must not change: the hostile tenant's lists and own items, the other tenant's items.</summary>
    private static async Task<string> SnapshotAsync(HttpClient hostile, HttpClient other, TargetIds ids)
    {
        async Task<string> ReadAsync(HttpClient client, string path)
        {
            using var response = await client.GetAsync(path);
            // A problem's trace id differs per request; everything else must be the same before and after.
            var text = System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), "\"trace_id\":\"[^\"]*\"", "\"trace_id\":\"-\"");
            return $"{path} → {(int)response.StatusCode} {text}";
        }
        async Task<string> TotalAsync(HttpClient client, string path) =>
            $"{path} total {(await PlatformApi.ReadAsync(await client.GetAsync(path), HttpStatusCode.OK)).GetProperty("total").GetInt32()}";
        string[] parts =
        [
            await TotalAsync(hostile, "/api/experiments?archived=false"),
            await TotalAsync(hostile, "/api/experiments?archived=true"),
            await TotalAsync(hostile, "/api/experiments/batch"),
            await ReadAsync(hostile, $"/api/experiments/{ids.OwnExperiment}"),
            await ReadAsync(hostile, $"/api/experiments/batch/{ids.OwnBatch}/status"),
            await ReadAsync(hostile, "/api/llm/provider"),
            await ReadAsync(hostile, "/api/llm/providers"),
            await ReadAsync(hostile, "/api/evaluations"),
            await ReadAsync(hostile, "/api/training/jobs"),
            await ReadAsync(hostile, "/api/webhooks"),
            await ReadAsync(hostile, $"/api/experiments/{ids.OwnExperiment}/gates"),
            await ReadAsync(other, $"/api/experiments/{ids.ForeignExperiment}/gates"),
            await ReadAsync(hostile, $"/api/evaluations/{HostileCases.Unknown}/gates"),
            await ReadAsync(other, $"/api/experiments/{ids.ForeignExperiment}"),
            await ReadAsync(other, $"/api/experiments/batch/{ids.ForeignBatch}/status"),
        ];
        return string.Join("\n", parts);
    }

    private static async Task<(string? Failure, TimeSpan Elapsed)> RunAsync(HttpClient client, HostileCase c)
    {
        using var request = new HttpRequestMessage(c.Method, c.Path) { Content = c.Body() };
        var watch = Stopwatch.StartNew();
        HttpResponseMessage response;
        string text;
        try
        {
            response = await client.SendAsync(request);
            text = await response.Content.ReadAsStringAsync();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return ($"no answer after {watch.ElapsedMilliseconds} ms: {e.Message}", watch.Elapsed);
        }
        var elapsed = watch.Elapsed;
        using (response)
        {
            var status = (int)response.StatusCode;
            var shown = text.Length > 300 ? text[..300] + "…" : text;
            if (status >= 500) return ($"answered {status}: {shown}", elapsed);
            if (elapsed > Slowest) return ($"took {elapsed.TotalSeconds:0.0} s", elapsed);
            if (status < 400) return c.MustRefuse ? ($"was accepted with {status}: {shown}", elapsed) : (null, elapsed);
            if (c.Category.StartsWith(HostileCases.KestrelRefusal, StringComparison.Ordinal))
                return (status == 400 && text.Length == 0 ? null : $"expected Kestrel's bare 400, got {status}: {shown}", elapsed);
            return (RefusalProblem(c, response, text) is { } problem ? ($"{status}: {problem} — {shown}", elapsed) : (null, elapsed));
        }
    }

    /// <summary>Null when the refusal is well formed: problem+json (or OpenAI's error JSON on /v1) that names the expected field.</summary>
    private static string? RefusalProblem(HostileCase c, HttpResponseMessage response, string text)
    {
        // Every refusal under /v1, the gateway's included, is in OpenAI's error shape.
        var openAi = c.Path.StartsWith("/v1/", StringComparison.Ordinal);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (c.Method == HttpMethod.Head) return null;
        if (mediaType != (openAi ? "application/json" : "application/problem+json")) return $"content type {mediaType ?? "none"}";
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            return "a body that is not JSON";
        }
        if (c.Field is null) return null;
        var named = new List<string>();
        if (openAi && json.TryGetProperty("error", out var error))
        {
            named.Add(error.TryGetProperty("param", out var param) ? param.ToString() : "");
            named.Add(error.GetProperty("message").GetString() ?? "");
        }
        if (json.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object) named.AddRange(errors.EnumerateObject().Select(e => e.Name));
        if (json.TryGetProperty("detail", out var detail)) named.Add(detail.GetString() ?? "");
        var expected = c.Field.Split('|');
        return named.Any(n => expected.Any(f => Names(n, f))) ? null : $"does not name {c.Field} (named: {string.Join(", ", named.Select(n => n.Length > 60 ? n[..60] : n))})";
    }

    /// <summary>"$.texts[0].text", "texts[0].text: …" and "texts" all name "texts"; "~x" is named when the detail mentions x (an id).</summary>
    private static bool Names(string named, string field)
    {
        if (field.StartsWith('~')) return named.Contains(field[1..], StringComparison.OrdinalIgnoreCase);
        var key = named.StartsWith("$.", StringComparison.Ordinal) ? named[2..] : named;
        return key == field || key.StartsWith(field + ".", StringComparison.Ordinal) || key.StartsWith(field + "[", StringComparison.Ordinal)
            || key.StartsWith(field + ":", StringComparison.Ordinal) || (field == "$" && key is "$" or "body");
    }
}
