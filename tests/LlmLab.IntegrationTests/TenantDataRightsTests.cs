using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;
using Npgsql;

namespace LlmLab.IntegrationTests;

/// <summary>
/// A tenant's data rights through the gateway: the export holds everything the tenant owns in every service and no
/// secret; the erase removes it from every service (cache and read model included), finishes after a service crashes
/// in its middle, and leaves another tenant untouched.
/// </summary>
[Collection(PlatformCollection.Name)]
public class TenantDataRightsTests(PlatformFixture platform)
{
    private const string ProviderName = "rights-own";

    private sealed record Seeded(Guid ExperimentId, Guid RunId, string ProviderSecret, IdentityApi.IssuedKey Key, Guid DocumentId, string DocumentMarker,
        Guid DatasetId, Guid EvaluationId, Guid TrainingJobId);

    /// <summary>The sections of the export that the knowledge, evaluation and training services write, each with its parts.</summary>
    private static readonly (string Section, string[] Parts)[] NewerSections =
    [
        ("knowledge", ["documents", "chunks", "vectors", "vector_lists", "vector_index"]),
        ("evaluation", ["datasets", "dataset_items", "evaluations", "evaluation_items"]),
        ("training", ["jobs", "steps", "holdout_points", "checkpoints", "models", "test_submissions"]),
    ];

    [Fact]
    public async Task The_export_holds_everything_the_tenant_owns_in_every_service_and_no_secret()
    {
        using var a = platform.CreateClient(DataRightsTenants.KeyA);
        using var b = platform.CreateClient(DataRightsTenants.KeyB);
        var seededA = await SeedAsync(a, "export");
        var foreign = await new PlatformApi(b).CreateExperimentAsync(SmallExperiment("foreign"));

        var export = await ExportAsync(a);
        var text = export.GetRawText();
        Assert.Equal(DataRightsTenants.TenantA, export.GetProperty("tenant").GetString());

        var identity = export.GetProperty("identity");
        var key = Assert.Single(identity.GetProperty("keys").EnumerateArray());
        Assert.Equal(seededA.Key.Id, key.GetProperty("id").GetGuid());
        Assert.False(key.TryGetProperty("key", out _));
        Assert.False(key.TryGetProperty("hash", out _));
        Assert.Contains(identity.GetProperty("audit").EnumerateArray(), e => e.GetProperty("action").GetString() == "key.issued");
        Assert.Single(identity.GetProperty("organisations").EnumerateArray());

        Assert.Equal(seededA.ExperimentId, Assert.Single(export.GetProperty("experiments").GetProperty("experiments").EnumerateArray()).GetProperty("id").GetGuid());
        var batch = export.GetProperty("batch");
        Assert.Equal(seededA.RunId, Assert.Single(batch.GetProperty("runs").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(2, batch.GetProperty("work_items").GetArrayLength());
        var responses = batch.GetProperty("responses").EnumerateArray().ToList();
        Assert.Equal(2, responses.Count);
        Assert.All(responses, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("metrics").GetProperty("analysis_version").GetString())));
        Assert.Equal(2, export.GetProperty("analytics").GetProperty("scored_responses").GetArrayLength());

        var llm = export.GetProperty("llm");
        var provider = Assert.Single(llm.GetProperty("providers").EnumerateArray());
        Assert.Equal(ProviderName, provider.GetProperty("name").GetString());
        Assert.True(provider.GetProperty("has_api_key").GetBoolean());
        Assert.Equal(7.5, llm.GetProperty("budget").GetProperty("settings").GetProperty("daily_usd").GetDouble());

        var knowledge = export.GetProperty("knowledge");
        Assert.Equal(seededA.DocumentId, Assert.Single(knowledge.GetProperty("documents").EnumerateArray()).GetProperty("id").GetGuid());
        var chunks = knowledge.GetProperty("chunks").EnumerateArray().ToList();
        Assert.Contains(chunks, c => c.GetProperty("text").GetString()!.Contains(seededA.DocumentMarker, StringComparison.Ordinal));
        Assert.All(chunks, c => Assert.Equal(seededA.DocumentId, c.GetProperty("document_id").GetGuid()));
        var vectors = knowledge.GetProperty("vectors").EnumerateArray().ToList();
        Assert.Equal(chunks.Select(c => c.GetProperty("id").GetGuid()).Order(), vectors.Select(v => v.GetProperty("chunk_id").GetGuid()).Order());
        Assert.All(vectors, v => Assert.True(Convert.FromBase64String(v.GetProperty("vector").GetString()!).Length >= 4 * 64));

        var evaluation = export.GetProperty("evaluation");
        var dataset = Assert.Single(evaluation.GetProperty("datasets").EnumerateArray());
        Assert.Equal(seededA.DatasetId, dataset.GetProperty("id").GetGuid());
        Assert.Single(dataset.GetProperty("versions").EnumerateArray());
        Assert.Equal(["Capital of France?", "Capital of Japan?"],
            evaluation.GetProperty("dataset_items").EnumerateArray().Select(i => i.GetProperty("question").GetString()).Order());
        Assert.Equal(seededA.EvaluationId, Assert.Single(evaluation.GetProperty("evaluations").EnumerateArray()).GetProperty("id").GetGuid());
        var results = evaluation.GetProperty("evaluation_items").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.GetProperty("scores").EnumerateObject().Any(), $"a result without scores: {r}"));

        var training = export.GetProperty("training");
        var job = Assert.Single(training.GetProperty("jobs").EnumerateArray());
        Assert.Equal(seededA.TrainingJobId, job.GetProperty("id").GetGuid());
        Assert.Equal(job.GetProperty("total_steps").GetInt32(), training.GetProperty("steps").GetArrayLength());
        Assert.NotEmpty(training.GetProperty("holdout_points").EnumerateArray());
        var model = Assert.Single(training.GetProperty("models").EnumerateArray());
        Assert.Equal(seededA.TrainingJobId, model.GetProperty("job_id").GetGuid());
        Assert.NotEmpty(Convert.FromBase64String(model.GetProperty("weights").GetString()!));

        Assert.DoesNotContain(seededA.ProviderSecret, text);
        Assert.DoesNotContain(seededA.Key.Key, text);
        Assert.DoesNotContain(foreign.ToString(), text);
        Assert.DoesNotContain(DataRightsTenants.TenantB, text);
    }

    [Fact]
    public async Task Erase_removes_the_tenant_everywhere_finishes_after_a_crash_and_leaves_the_other_tenant_whole()
    {
        using var a = platform.CreateClient(DataRightsTenants.KeyA);
        using var b = platform.CreateClient(DataRightsTenants.KeyB);
        var seededA = await SeedAsync(a, "erase");
        var seededB = await SeedAsync(b, "keep");
        var exportBBefore = await ExportAsync(b);
        var stores = new PlatformStores(platform);
        using var redis = await stores.ConnectRedisAsync();
        Assert.NotEmpty(await CacheKeysAsync(redis, DataRightsTenants.TenantA));
        var cachedB = await CacheKeysAsync(redis, DataRightsTenants.TenantB);
        Assert.NotEmpty(cachedB);
        Assert.True(Directory.Exists(LuceneFolder(stores, DataRightsTenants.TenantA)), "the tenant's BM25 index is on disk");

        // Refused without naming the tenant, and for a role that may not erase.
        await PlatformApi.ExpectProblemAsync(await a.DeleteAsync("/api/tenants/me"), HttpStatusCode.BadRequest, "confirm");
        await PlatformApi.ExpectProblemAsync(await a.DeleteAsync("/api/tenants/me?confirm=rights-b"), HttpStatusCode.BadRequest, "confirm");
        using (var analyst = platform.CreateClient(seededA.Key.Key))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await analyst.DeleteAsync($"/api/tenants/me?confirm={DataRightsTenants.TenantA}")).StatusCode);
        }

        // Analytics is frozen while the erasure is requested, then killed: the crash of a service that has the
        // message but has not finished with it.
        var analyticsPid = platform.ReadState()!.Resource("analytics").Pid!.Value;
        var analyticsDb = stores.EnvironmentOf("analytics")["ConnectionStrings__analyticsdb"];
        await SignalAsync("STOP", analyticsPid);
        try
        {
            using var erased = await a.DeleteAsync($"/api/tenants/me?confirm={DataRightsTenants.TenantA}");
            var accepted = await PlatformApi.ReadAsync(erased, HttpStatusCode.Accepted);
            Assert.Equal(DataRightsTenants.TenantA, accepted.GetProperty("tenant").GetString());

            // The other services erase meanwhile.
            await TenantSeed.EventuallyAsync(async () =>
                (await new PlatformApi(a).GetAsync("/api/experiments")).GetProperty("total").GetInt32() == 0
                && (await a.GetAsync($"/api/experiments/batch/{seededA.RunId}/status")).StatusCode == HttpStatusCode.NotFound
                && !(await new PlatformApi(a).GetAsync("/api/llm/providers")).GetProperty("items").EnumerateArray().Any(p => p.GetProperty("name").GetString() == ProviderName)
                && (await CacheKeysAsync(redis, DataRightsTenants.TenantA)).Count == 0, "experiments, batch and llm-integration erase");
            // The issued key is gone with the tenant's identity data.
            await TenantSeed.EventuallyAsync(async () =>
            {
                using var old = platform.CreateClient(seededA.Key.Key);
                return (await old.GetAsync("/api/me")).StatusCode == HttpStatusCode.Unauthorized;
            }, "the erased tenant's key is refused");
            // An export now cannot be complete, so it is refused naming the service rather than cut short.
            using var partial = await a.GetAsync("/api/tenants/me/export");
            var problem = await PlatformApi.ReadAsync(partial, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("analytics", problem.GetProperty("dependency").GetString());
            Assert.True(await ScoredRowsAsync(analyticsDb, DataRightsTenants.TenantA) >= 2, "analytics, frozen, has erased nothing");
        }
        finally
        {
            await SignalAsync("KILL", analyticsPid);
        }

        // Restarted by the AppHost, analytics gets the message again and finishes the erasure.
        await TenantSeed.EventuallyAsync(async () => await ScoredRowsAsync(analyticsDb, DataRightsTenants.TenantA) == 0, "analytics erases after its restart", TimeSpan.FromMinutes(2));
        Assert.NotEqual(analyticsPid, platform.ReadState()!.Resource("analytics").Pid);
        await TenantSeed.EventuallyAsync(async () => (await a.GetAsync("/api/tenants/me/export")).IsSuccessStatusCode, "analytics answers again", TimeSpan.FromMinutes(2));

        var after = await ExportAsync(a);
        var identity = after.GetProperty("identity");
        Assert.Empty(identity.GetProperty("organisations").EnumerateArray());
        Assert.Empty(identity.GetProperty("users").EnumerateArray());
        Assert.Empty(identity.GetProperty("keys").EnumerateArray());
        // The log starts again with the erasure itself; nothing from before it remains.
        var audit = identity.GetProperty("audit").EnumerateArray().ToList();
        Assert.Equal("tenant.erased", audit[0].GetProperty("action").GetString());
        Assert.DoesNotContain(audit, e => e.GetProperty("action").GetString() == "key.issued");
        Assert.Empty(after.GetProperty("experiments").GetProperty("experiments").EnumerateArray());
        foreach (var part in new[] { "runs", "work_items", "responses" }) Assert.Empty(after.GetProperty("batch").GetProperty(part).EnumerateArray());
        Assert.Empty(after.GetProperty("analytics").GetProperty("scored_responses").EnumerateArray());
        Assert.Empty(after.GetProperty("llm").GetProperty("providers").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("llm").GetProperty("budget").GetProperty("settings").GetProperty("daily_usd").ValueKind);
        foreach (var (section, parts) in NewerSections)
            foreach (var part in parts) Assert.True(after.GetProperty(section).GetProperty(part).GetArrayLength() == 0, $"{section}.{part} left: {after.GetProperty(section).GetProperty(part)}");
        // Through the API too: no document, nothing found by either index, no dataset, evaluation, job or trained model.
        Assert.False(Directory.Exists(LuceneFolder(stores, DataRightsTenants.TenantA)), "the tenant's BM25 index folder is gone");
        var apiA = new PlatformApi(a);
        Assert.Equal(0, (await apiA.GetAsync("/api/documents")).GetProperty("total").GetInt32());
        foreach (var mode in new[] { "bm25", "dense" })
            Assert.Empty((await new Knowledge.KnowledgeApi(a).SearchAsync(seededA.DocumentMarker, null, mode)).GetProperty("results").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/datasets/{seededA.DatasetId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/evaluations/{seededA.EvaluationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/training/jobs/{seededA.TrainingJobId}")).StatusCode);

        // The other tenant keeps everything: same experiments, runs, responses, read model, provider, budget, cache and key.
        var exportBAfter = await ExportAsync(b);
        foreach (var (section, part) in new[]
                 {
                     ("experiments", "experiments"), ("batch", "runs"), ("batch", "responses"), ("analytics", "scored_responses"), ("llm", "providers"),
                     ("knowledge", "documents"), ("knowledge", "chunks"), ("knowledge", "vectors"), ("evaluation", "datasets"),
                     ("evaluation", "dataset_items"), ("evaluation", "evaluations"), ("evaluation", "evaluation_items"), ("training", "jobs"),
                     ("training", "models"),
                 })
        {
            Assert.Equal(exportBBefore.GetProperty(section).GetProperty(part).GetRawText(), exportBAfter.GetProperty(section).GetProperty(part).GetRawText());
        }
        Assert.Equal(seededB.RunId, Assert.Single(exportBAfter.GetProperty("batch").GetProperty("runs").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(7.5, exportBAfter.GetProperty("llm").GetProperty("budget").GetProperty("settings").GetProperty("daily_usd").GetDouble());
        Assert.Equal(cachedB.Order(), (await CacheKeysAsync(redis, DataRightsTenants.TenantB)).Order());
        using var keyB = platform.CreateClient(seededB.Key.Key);
        Assert.Equal(HttpStatusCode.OK, (await keyB.GetAsync("/api/me")).StatusCode);
        Assert.True(Directory.Exists(LuceneFolder(stores, DataRightsTenants.TenantB)), "the other tenant's BM25 index stays");
        Assert.Contains(seededB.DocumentId, (await new Knowledge.KnowledgeApi(b).DocumentsFoundAsync(seededB.DocumentMarker, null, "bm25")));

        // An event of an erased run that arrives after the erasure (a chunk recorded while it ran) is dropped; one of a
        // run created after the erasure is taken, so the first was read and refused, not merely still queued.
        var late = new LateEvents(platform);
        await late.PublishScoredAsync(DataRightsTenants.TenantA, seededA.RunId, seededA.ExperimentId);
        var newRun = Guid.CreateVersion7();
        await late.PublishScoredAsync(DataRightsTenants.TenantA, newRun, seededA.ExperimentId);
        await TenantSeed.EventuallyAsync(async () => await ScoredRowsAsync(analyticsDb, DataRightsTenants.TenantA, newRun) == 1, "a run created after the erasure is taken");
        Assert.Equal(0, await ScoredRowsAsync(analyticsDb, DataRightsTenants.TenantA, seededA.RunId));
    }

    /// <summary>Where the knowledge service keeps a tenant's BM25 index (services/knowledge/lucene/&lt;hash of the tenant&gt;).</summary>
    private static string LuceneFolder(PlatformStores stores, string tenant) =>
        Path.Combine(stores.EnvironmentOf("knowledge")["Storage__DataDirectory"], "lucene",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(tenant)))[..32]);

    private async Task<Seeded> SeedAsync(HttpClient admin, string label)
    {
        var api = new PlatformApi(admin);
        // On a loaded machine the first calls of a fresh platform can outlast the gateway's deadlines (503 "try again").
        await TenantSeed.EventuallyAsync(async () => (await admin.GetAsync("/api/me")).IsSuccessStatusCode
            && (await admin.GetAsync("/api/llm/providers")).IsSuccessStatusCode, "identity and llm-integration answer", TimeSpan.FromMinutes(2));
        var secret = $"sk-rights-{Guid.NewGuid():N}";
        using (await admin.DeleteAsync($"/api/llm/providers/{ProviderName}")) { } // from an earlier test of this class, if any
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/llm/providers", new
        {
            name = ProviderName, kind = "openai", base_url = platform.FakeOpenAi.BaseUrlOf("rights"), api_key = secret,
            models = new[] { new { name = FakeProviders.Model } },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/budgets", new { daily_usd = 7.5, weekly_usd = (double?)null, monthly_usd = 100.0, refuse_when_exceeded = false })).StatusCode);
        var key = await new IdentityApi(platform).IssueKeyAsync("analyst", admin);

        var experimentId = await api.CreateExperimentAsync(SmallExperiment(label));
        var runId = await api.GenerateAsync(experimentId);
        Assert.Equal("completed", (await api.WaitForRunAsync(runId, TimeSpan.FromMinutes(2))).GetProperty("status").GetString());
        await TenantSeed.EventuallyAsync(async () =>
        {
            using var breakdown = await admin.GetAsync($"/api/analytics/quality/breakdown?batch_id={runId}");
            return breakdown.IsSuccessStatusCode && JsonDocument.Parse(await breakdown.Content.ReadAsStringAsync()).RootElement.GetProperty("sample_size").GetInt64() == 2;
        }, "analytics has the run");

        var marker = $"zebrafinch{Guid.NewGuid():N}"[..24];
        var documentId = await TenantSeed.DocumentAsync(admin, $"rights-{label}", marker);
        var (datasetId, evaluationId) = await TenantSeed.DatasetAndEvaluationAsync(admin, $"rights {label}");
        var jobId = await TenantSeed.TrainingJobAsync(admin, $"rights-{label}");
        return new Seeded(experimentId, runId, secret, key, documentId, marker, datasetId, evaluationId, jobId);
    }

    /// <summary>Two seeded calls of the local engine: seeded calls are cached, so the tenant has cache entries too.</summary>
    private static object SmallExperiment(string name) => new
    {
        name = $"rights {name}", prompt = "Explain how rain forms.", provider = "local",
        temperature_min = 0.5, temperature_max = 0.5, temperature_step = 0.1, top_p_min = 1.0, top_p_max = 1.0, top_p_step = 0.1,
        max_tokens = 20, response_count = 2, seed = 7,
    };

    private static async Task<JsonElement> ExportAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/tenants/me/export");
        // 503 (a service did not open its section within 15 s) is the contract's "try again shortly"; a loaded machine gets it.
        for (var attempt = 1; response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 4; attempt++)
        {
            response.Dispose();
            await Task.Delay(TimeSpan.FromSeconds(5));
            response = await client.GetAsync("/api/tenants/me/export");
        }
        using (response)
        {
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? "");
            return await PlatformApi.ReadAsync(response, HttpStatusCode.OK);
        }
    }

    private static async Task<List<string>> CacheKeysAsync(StackExchange.Redis.ConnectionMultiplexer redis, string tenant)
    {
        var keys = new List<string>();
        await foreach (var key in redis.GetServers().Single().KeysAsync(pattern: $"llmlab:cache:{tenant}:*")) keys.Add(key.ToString());
        return keys;
    }

    private static async Task<long> ScoredRowsAsync(string connectionString, string tenant, Guid? run = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM scored_responses WHERE tenant_id = @tenant AND (@run IS NULL OR run_id = @run)", connection);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.Add(new NpgsqlParameter("run", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)run ?? DBNull.Value });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task SignalAsync(string signal, int pid)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }
}
