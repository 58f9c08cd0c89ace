using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LlmLab.IntegrationTests.Otlp;

/// <summary>A span seen by the receiver, with the service that exported it.</summary>
public sealed record ReceivedSpan(string Service, string TraceId, string SpanId, string ParentSpanId, string Name, string Scope, IReadOnlyDictionary<string, string> Attributes);

/// <summary>An OTLP/HTTP (protobuf) endpoint the test host runs, so tests can see every process's spans.</summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();

    public string Endpoint { get; }

    private OtlpReceiver(WebApplication app, string endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public IReadOnlyList<ReceivedSpan> Spans => _spans.ToArray();

    public static async Task<OtlpReceiver> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app, $"http://127.0.0.1:{port}");
        app.MapPost("/v1/traces", receiver.ReceiveTracesAsync);
        app.MapPost("/v1/metrics", () => Results.Ok());
        app.MapPost("/v1/logs", () => Results.Ok());
        await app.StartAsync();
        return receiver;
    }

    private async Task<IResult> ReceiveTracesAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var export = ExportTraceServiceRequest.Parser.ParseFrom(body.ToArray());
        foreach (var resourceSpans in export.ResourceSpans)
        {
            var service = resourceSpans.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue ?? "?";
            foreach (var scope in resourceSpans.ScopeSpans)
            {
                foreach (var span in scope.Spans)
                {
                    _spans.Enqueue(new ReceivedSpan(service, Convert.ToHexString(span.TraceId.ToByteArray()).ToLowerInvariant(),
                        Convert.ToHexString(span.SpanId.ToByteArray()).ToLowerInvariant(),
                        Convert.ToHexString(span.ParentSpanId.ToByteArray()).ToLowerInvariant(), span.Name, scope.Scope?.Name ?? "",
                        span.Attributes.ToDictionary(a => a.Key, a => Text(a.Value))));
                }
            }
        }
        return Results.Ok();
    }

    private static string Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
