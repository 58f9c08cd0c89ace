using System.Diagnostics;
using System.Net;
using System.Text.Json;
using LlmLab.AppHost;
using LlmLab.AppHost.Dashboard;
using LlmLab.AppHost.Infrastructure;
using LlmLab.AppHost.Processes;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LlmLab.UnitTests.AppHost.Dashboard;

/// <summary>
/// The AppHost's receiver against the OpenTelemetry SDK's own OTLP/HTTP protobuf exporter (what every service runs), so
/// the field numbers of the receiver's .proto are proved against a real sender, not against itself.
/// </summary>
public sealed class OtlpReceiverTests : IAsyncLifetime
{
    private readonly ConsoleLog _batchConsole = new(3);
    private DashboardServer _dashboard = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var options = new DashboardOptions { Url = $"http://127.0.0.1:{Ports.Free()}", MaxSpans = 1000 };
        _dashboard = await DashboardServer.StartAsync(options, new OneProcess(_batchConsole), externalCollector: null, CancellationToken.None);
        _http = new HttpClient { BaseAddress = _dashboard.Url };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _dashboard.DisposeAsync();
    }

    [Fact]
    public void Spans_from_the_sdk_exporter_arrive_with_service_ids_parent_kind_duration_status_and_attributes()
    {
        using var source = new ActivitySource("LlmLab.Test");
        string traceId, rootId;
        using (var tracing = Sdk.CreateTracerProviderBuilder()
                   .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("batch", serviceInstanceId: "batch-instance"))
                   .AddSource(source.Name)
                   .AddOtlpExporter(o => Point(o, "/v1/traces"))
                   .Build())
        {
            using (var root = source.StartActivity("POST /api/experiments/batch", ActivityKind.Server)!)
            {
                traceId = root.TraceId.ToHexString();
                rootId = root.SpanId.ToHexString();
                root.SetTag("http.response.status_code", 202);
                using var call = source.StartActivity("llmlab.llm.v1.LlmService/Generate", ActivityKind.Client)!;
                call.SetStatus(ActivityStatusCode.Error, "provider timed out");
                Thread.Sleep(5);
            }
            tracing.ForceFlush();
        }

        var spans = _dashboard.Telemetry.Spans.Trace(traceId);
        Assert.Equal(2, spans.Count);
        var server = spans.Single(s => s.Kind == "server");
        var client = spans.Single(s => s.Kind == "client");
        Assert.Equal(("batch", "batch-instance", "LlmLab.Test", rootId, ""), (server.Service, server.Instance, server.Scope, server.SpanId, server.ParentSpanId));
        Assert.Equal("202", server.Attributes["http.response.status_code"]);
        Assert.False(server.IsError);
        Assert.Equal(("llmlab.llm.v1.LlmService/Generate", rootId, true, "provider timed out"), (client.Name, client.ParentSpanId, client.IsError, client.StatusMessage));
        Assert.InRange(client.DurationMs, 4, 5000);
        Assert.InRange(server.DurationMs, client.DurationMs, 5000);
        Assert.Equal(1, Assert.Single(_dashboard.Telemetry.Metrics.Series()["batch"]).Requests);
    }

    [Fact]
    public void Logs_from_the_sdk_exporter_are_kept_with_the_trace_they_were_written_in()
    {
        using var source = new ActivitySource("LlmLab.Test.Logs");
        using var listener = new ActivityListener { ShouldListenTo = s => s.Name == source.Name, Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded };
        ActivitySource.AddActivityListener(listener);
        string traceId;
        using (var factory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
               {
                   o.SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("experiments"));
                   o.IncludeFormattedMessage = true;
                   o.AddOtlpExporter(e => Point(e, "/v1/logs"));
               })))
        {
            using var activity = source.StartActivity("work")!;
            traceId = activity.TraceId.ToHexString();
            factory.CreateLogger("Test").LogWarning("Run {RunId} was cancelled", "run-42");
        }

        var log = Assert.Single(_dashboard.Telemetry.Logs.OfTrace(traceId));
        Assert.Equal(("experiments", "run-42"), (log.Service, log.Attributes["RunId"]));
        Assert.StartsWith("Warn", log.Severity, StringComparison.Ordinal);
        Assert.Contains("Run run-42 was cancelled", log.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_protobuf_is_refused_with_415_and_a_broken_one_with_400()
    {
        using var json = await _http.PostAsync("/v1/traces", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Contains("http/protobuf", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var broken = new ByteArrayContent([0x0a, 0xff, 0xff]);
        broken.Headers.ContentType = new("application/x-protobuf");
        using var answer = await _http.PostAsync("/v1/traces", broken);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(0, _dashboard.Telemetry.Spans.Count);
    }

    [Fact]
    public async Task The_api_names_a_bad_sort_an_unknown_trace_and_an_unknown_process()
    {
        using var sort = await _http.GetAsync("/api/traces?sort=fastest");
        Assert.Equal(HttpStatusCode.BadRequest, sort.StatusCode);
        Assert.Contains("\"sort\"", await sort.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var trace = await _http.GetAsync("/api/traces/0123456789abcdef0123456789abcdef");
        Assert.Equal(HttpStatusCode.NotFound, trace.StatusCode);

        using var process = await _http.GetAsync("/api/logs/nobody");
        Assert.Equal(HttpStatusCode.NotFound, process.StatusCode);
    }

    [Fact]
    public async Task A_process_console_is_served_newest_kept_and_searchable()
    {
        foreach (var line in new[] { "starting", "listening on 5000", "GET /health 200", "warn: slow query" }) _batchConsole.Append(line);

        using var all = JsonDocument.Parse(await _http.GetStringAsync("/api/logs/batch"));
        Assert.Equal(["listening on 5000", "GET /health 200", "warn: slow query"], all.RootElement.EnumerateArray().Select(l => l.GetProperty("text").GetString()));
        using var found = JsonDocument.Parse(await _http.GetStringAsync("/api/logs/batch?search=WARN"));
        Assert.Equal(["warn: slow query"], found.RootElement.EnumerateArray().Select(l => l.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_request_addressed_to_another_host_name_is_refused_so_a_rebound_name_cannot_read_logs()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/resources");
        request.Headers.Host = "attacker.example";
        using var answer = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);

        using var page = await _http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("operators' dashboard", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("default-src 'self'; frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
    }

    private void Point(OtlpExporterOptions options, string path)
    {
        options.Endpoint = new Uri(_dashboard.Url, path);
        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        options.ExportProcessorType = ExportProcessorType.Simple;
    }

    private sealed class OneProcess(ConsoleLog console) : IPlatformView
    {
        public IReadOnlyList<ResourceView> Resources() =>
            [new ResourceView("batch", "batch", "project", "running", "running", 0, "http://127.0.0.1:1", null, 1, HasConsole: true)];

        public ConsoleLog? ConsoleOf(string name) => name == "batch" ? console : null;
    }
}
