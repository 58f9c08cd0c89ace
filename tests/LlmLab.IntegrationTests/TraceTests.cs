using System.Diagnostics;
using LlmLab.IntegrationTests.Otlp;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

[Collection(PlatformCollection.Name)]
public class TraceTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    [Fact]
    public async Task One_generate_request_is_one_trace_across_every_process_the_rabbitmq_hop_grpc_and_postgres()
    {
        var experimentId = await _api.CreateExperimentAsync(PlatformApi.Grid3x3("trace"));
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var runId = await _api.GenerateAsync(experimentId, traceParent: $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        await _api.WaitForRunAsync(runId, TimeSpan.FromMinutes(2));

        string[] services = ["gateway", "experiments", "batch", "llm-integration", "quality-analysis", "analytics"];
        var spans = await WaitForSpansAsync(traceId, s =>
            services.All(name => s.Any(x => x.Service == name))
            // One analytics event per chunk the batch sent (chunks, not calls, cross RabbitMQ).
            && s.Count(x => x.Service == "batch" && x.Scope == "MassTransit" && x.Name == "LlmLab.Contracts.Messages:GenerateResponses send") is var chunks && chunks > 0
            && s.Count(x => x.Service == "analytics" && x.Scope == "MassTransit" && x.Name.EndsWith(" process", StringComparison.Ordinal)) >= chunks
            && s.Count(x => x.Service == "llm-integration" && x.Name.Contains("Generate", StringComparison.Ordinal)) >= 18);

        Assert.All(services, name => Expect(spans, s => s.Service == name, name));
        // The RabbitMQ hop: the batch publishes (through the outbox relay) and its worker consumes the commands,
        // then analytics consumes the events, all inside the same trace.
        Expect(spans, s => s.Service == "batch" && s.Scope == "LlmLab.Outbox", "s => s.Service == 'batch' && s.Scope == 'LlmLab.Outbox'");
        Expect(spans, s => s.Service == "batch" && s.Scope == "MassTransit" && s.Name == "LlmLab.Contracts.Messages:GenerateResponses send", "the batch sent GenerateResponses (a chunk) to RabbitMQ");
        Expect(spans, s => s.Service == "batch" && s.Scope == "MassTransit" && s.Name == "batch-generate-responses process", "the batch worker consumed GenerateResponses");
        Expect(spans, s => s.Service == "analytics" && s.Scope == "MassTransit" && s.Name.EndsWith(" process", StringComparison.Ordinal), "analytics consumed ResponsesScored");
        // gRPC client calls from the worker and the servers that answered them.
        Expect(spans, s => s.Service == "batch" && s.Name.Contains("llmlab.llm.v1.LlmService/Generate", StringComparison.Ordinal), "s => s.Service == 'batch' && s.Name.Contains('llmlab.llm.v1.LlmService/Generate', StringComparison.Ordinal)");
        Expect(spans, s => s.Service == "batch" && s.Name.Contains("llmlab.quality.v1.QualityService/Score", StringComparison.Ordinal), "s => s.Service == 'batch' && s.Name.Contains('llmlab.quality.v1.QualityService/Score', StringComparison.Ordinal)");
        Expect(spans, s => s.Service == "quality-analysis" && s.Name.Contains("Score", StringComparison.Ordinal), "s => s.Service == 'quality-analysis' && s.Name.Contains('Score', StringComparison.Ordinal)");
        // Database calls of the services that own data.
        Expect(spans, s => s.Service == "batch" && IsPostgres(s), "s => s.Service == 'batch' && IsPostgres(s)");
        Expect(spans, s => s.Service == "experiments" && IsPostgres(s), "s => s.Service == 'experiments' && IsPostgres(s)");
        Expect(spans, s => s.Service == "analytics" && IsPostgres(s), "s => s.Service == 'analytics' && IsPostgres(s)");
    }

    private static void Expect(List<ReceivedSpan> spans, Func<ReceivedSpan, bool> predicate, string what) =>
        Assert.True(spans.Any(predicate), $"No span where {what}. Spans of the trace:\n{Summary(spans)}");

    private static string Summary(IEnumerable<ReceivedSpan> spans) =>
        string.Join("\n", spans.GroupBy(s => (s.Service, s.Scope, s.Name)).Select(g => $"{g.Key.Service} [{g.Key.Scope}] {g.Key.Name} ×{g.Count()}"));

    private static bool IsPostgres(ReceivedSpan span) =>
        span.Attributes.TryGetValue("db.system", out var system) && system == "postgresql"
        || span.Attributes.TryGetValue("db.system.name", out var name) && name == "postgresql";

    private async Task<List<ReceivedSpan>> WaitForSpansAsync(string traceId, Func<List<ReceivedSpan>, bool> complete)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<ReceivedSpan> spans;
        do
        {
            spans = platform.Otlp.Spans.Where(s => s.TraceId == traceId).ToList();
            if (complete(spans)) return spans;
            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"The trace {traceId} is incomplete after 30 s. Spans seen:\n{Summary(spans)}");
        return spans;
    }
}
