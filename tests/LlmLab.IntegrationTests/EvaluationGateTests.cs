using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// Gates per evaluation through the gateway: set on evaluations of the built-in engine over a sample of the shipped
/// arithmetic dataset, evaluated by analytics when the evaluation finishes (or at once when set afterwards), each check
/// with its method, actual value and reason; a failed gate raises an alert; another tenant sees nothing; bad bodies name the field.
/// </summary>
[Collection(PlatformCollection.Name)]
public class EvaluationGateTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    [Fact]
    public async Task A_passing_and_a_failing_evaluation_gate_give_values_reasons_an_alert_and_stay_within_the_tenant()
    {
        await PlatformReadiness.WaitUntilHealthyAsync(_api.Client, TimeSpan.FromMinutes(5));
        var arithmetic = await BuiltinAsync("arithmetic");

        // A: the gate is set while it runs (or just after it finished: then setting it evaluates it).
        var first = await StartAsync(arithmetic, "gate-a");
        var passing = await PlatformApi.ReadAsync(await _api.Client.PutAsJsonAsync($"/api/evaluations/{first}/gates", new object[]
        {
            new { metric = "exact_match", op = ">=", value = 0.0 },
            new { metric = "latency_p95_ms", op = "<=", value = 600_000, method = "naive" },
            new { metric = "cost_usd", op = "<=", value = 10 },
            new { metric = "failure_rate", op = "<=", value = 0.0 },
        }), HttpStatusCode.OK);
        Assert.Equal(4, passing.GetProperty("checks").GetArrayLength());
        await WaitForEvaluationAsync(first);
        var passed = await WaitForGateAsync(first, "evaluations");
        Assert.True(passed.GetProperty("passed").GetBoolean(), passed.ToString());
        // exact_match and cost_usd and failure_rate on both methods, latency on naive only.
        Assert.Equal(7, passed.GetProperty("checks").GetArrayLength());
        var naiveAccuracy = Check(passed, "exact_match", ">=", "naive");
        Assert.InRange(naiveAccuracy.GetProperty("actual").GetDouble(), 0, 1);
        Assert.StartsWith("method naive: exact_match is", naiveAccuracy.GetProperty("reason").GetString());
        Assert.True(Check(passed, "latency_p95_ms", "<=", "naive").GetProperty("actual").GetDouble() > 0);
        Assert.Equal(0, Check(passed, "failure_rate", "<=", "cot").GetProperty("actual").GetDouble());
        // The run route serves evaluations too.
        Assert.Equal(passed.ToString(), (await WaitForGateAsync(first, "runs")).ToString());

        // B: the same evaluation again; its gate is set after it finished and fails on two checks, with the reasons.
        var second = await StartAsync(arithmetic, "gate-b");
        await WaitForEvaluationAsync(second);
        // The live stream tells the tenant's listeners, as for runs.
        using var live = await _api.Client.GetAsync("/api/events/stream", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var events = new StreamReader(await live.Content.ReadAsStreamAsync());
        await NextEventAsync(events, "ready", _ => true);
        await PlatformApi.ReadAsync(await _api.Client.PutAsJsonAsync($"/api/evaluations/{second}/gates", new
        {
            checks = new object[]
            {
                new { metric = "exact_match", op = ">=", value = 0.0 },
                new { metric = "latency_p95_ms", op = "<=", value = 0.0, method = "naive" },
                new { metric = "f1", op = ">=", value = 0.5, method = "magic" },
            },
            no_significant_regression = true,
            baseline_evaluation_id = first,
        }), HttpStatusCode.OK);
        var failed = await WaitForGateAsync(second, "evaluations");
        Assert.False(failed.GetProperty("passed").GetBoolean(), failed.ToString());
        Assert.Equal("evaluation", failed.GetProperty("kind").GetString());
        var announced = await NextEventAsync(events, "gate.evaluated", d => d.GetProperty("run_id").GetGuid() == second);
        Assert.False(announced.GetProperty("passed").GetBoolean());
        Assert.Equal(failed.GetProperty("checks").GetArrayLength(), announced.GetProperty("checks").GetArrayLength());
        var slow = Check(failed, "latency_p95_ms", "<=", "naive");
        Assert.False(slow.GetProperty("passed").GetBoolean());
        Assert.Contains("above the maximum 0", slow.GetProperty("reason").GetString());
        var unknownMethod = Check(failed, "f1", ">=", "magic");
        Assert.Equal(JsonValueKind.Null, unknownMethod.GetProperty("actual").ValueKind);
        Assert.Equal("the evaluation has no method magic (its methods: naive, cot).", unknownMethod.GetProperty("reason").GetString());
        Assert.True(Check(failed, "exact_match", ">=", "cot").GetProperty("passed").GetBoolean());
        foreach (var method in new[] { "naive", "cot" })
        {
            var regression = Check(failed, "exact_match", "no_significant_regression", method);
            Assert.Equal(first, regression.GetProperty("baseline_run_id").GetGuid());
            Assert.Equal(Sample, regression.GetProperty("n").GetInt32());
            Assert.InRange(regression.GetProperty("p_value").GetDouble(), 0, 1);
        }

        // The failed gate raised one alert naming the evaluation and the failed checks.
        var alert = await EventuallyAlertAsync(second);
        Assert.StartsWith($"Evaluation {second} failed its quality gate (2 of ", alert.GetProperty("message").GetString());
        Assert.Contains("no method magic", alert.GetProperty("message").GetString());

        // Another tenant: 404 for the gate, the result and setting one; nothing of tenant dev's in the answers.
        using var other = platform.CreateClient(PlatformFixture.EvaluationOtherApiKey);
        foreach (var path in new[] { $"/api/evaluations/{second}/gate", $"/api/runs/{second}/gate", $"/api/evaluations/{second}/gates" })
        {
            using var hidden = await other.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            Assert.DoesNotContain("magic", await hidden.Content.ReadAsStringAsync());
        }
        using (var foreign = await other.PutAsJsonAsync($"/api/evaluations/{second}/gates", new[] { new { metric = "f1", op = ">=", value = 0.1 } }))
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        // Bad bodies name the field and change nothing.
        await PlatformApi.ExpectProblemAsync(await _api.Client.PutAsJsonAsync($"/api/evaluations/{second}/gates",
            new[] { new { metric = "exact_match", op = ">=", value = 50.0 } }), HttpStatusCode.UnprocessableEntity, "checks[0].value");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PutAsJsonAsync($"/api/evaluations/{second}/gates",
            new[] { new { metric = "overall_score", op = ">=", value = 0.5 } }), HttpStatusCode.UnprocessableEntity, "checks[0].metric");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PutAsJsonAsync($"/api/evaluations/{second}/gates",
            new { no_significant_regression = true, baseline_evaluation_id = Guid.NewGuid() }), HttpStatusCode.UnprocessableEntity, "baseline_evaluation_id");
        var kept = await _api.GetAsync($"/api/evaluations/{second}/gates");
        Assert.Equal(3, kept.GetProperty("checks").GetArrayLength());
        Assert.False((await _api.GetAsync($"/api/evaluations/{second}/gate")).GetProperty("passed").GetBoolean());
    }

    private const int Sample = 6;

    private async Task<Guid> StartAsync(string dataset, string name)
    {
        using var response = await _api.Client.PostAsJsonAsync("/api/evaluations", new
        {
            name, dataset_id = dataset, sample_size = Sample, seed = 3, provider = "local",
            methods = new object[] { new { method = "naive" }, new { method = "cot" } },
            parameters = new { temperature = 0, max_tokens = 32 },
        });
        return (await PlatformApi.ReadAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private async Task WaitForEvaluationAsync(Guid id)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while ((await _api.GetAsync($"/api/evaluations/{id}/status")).GetProperty("status").GetString() is not "completed")
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Evaluation {id} did not complete in 4 minutes.");
            await Task.Delay(500);
        }
    }

    /// <summary>Polls the gate result (409 while the finished evaluation's gate is being evaluated).</summary>
    private async Task<JsonElement> WaitForGateAsync(Guid id, string route)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            using var response = await _api.Client.GetAsync($"/api/{route}/{id}/gate");
            if (response.StatusCode == HttpStatusCode.OK) return await PlatformApi.ReadAsync(response, HttpStatusCode.OK);
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The gate of evaluation {id} was not evaluated in 90 s.");
            await Task.Delay(300);
        }
    }

    private async Task<JsonElement> EventuallyAlertAsync(Guid evaluation)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var alerts = await _api.GetAsync("/api/alerts?kind=gate&page_size=500");
            var found = alerts.GetProperty("items").EnumerateArray().Where(a => a.GetProperty("run_id").GetString() == evaluation.ToString()).ToList();
            if (found.Count > 0) return Assert.Single(found);
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No gate alert for evaluation {evaluation}.");
            await Task.Delay(300);
        }
    }

    /// <summary>The next event of that name on the live stream whose data is wanted (SSE: "event: name", "data: json").</summary>
    private static async Task<JsonElement> NextEventAsync(StreamReader stream, string name, Func<JsonElement, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        string? current = null;
        while (await stream.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) current = line[7..];
            else if (line.Length == 0) current = null;
            else if (current == name && line.StartsWith("data: ", StringComparison.Ordinal)
                     && JsonDocument.Parse(line[6..]).RootElement.Clone() is var data && wanted(data)) return data;
        }
        throw new InvalidOperationException($"The live stream ended before a {name} event.");
    }

    private static JsonElement Check(JsonElement gate, string metric, string op, string method) =>
        gate.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("metric").GetString() == metric && c.GetProperty("op").GetString() == op
            && c.GetProperty("method").GetString() == method);

    private async Task<string> BuiltinAsync(string name)
    {
        var list = await _api.GetAsync("/api/datasets?page_size=100");
        return list.GetProperty("items").EnumerateArray()
            .Single(d => d.GetProperty("name").GetString() == name && d.GetProperty("builtin").GetBoolean()).GetProperty("id").GetString()!;
    }
}
