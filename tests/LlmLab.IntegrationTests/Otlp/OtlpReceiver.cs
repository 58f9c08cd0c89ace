using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
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
    private readonly ConcurrentDictionary<string, int> _sightings = new(StringComparer.Ordinal);
    private int _logPayloads;

    public string Endpoint { get; }

    private OtlpReceiver(WebApplication app, string endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public IReadOnlyList<ReceivedSpan> Spans => _spans.ToArray();

    /// <summary>Log exports received so far (each a batch of log records).</summary>
    public int LogPayloads => Volatile.Read(ref _logPayloads);

    /// <summary>From now on, counts the exports (spans, logs, metrics) whose raw bytes contain the text anywhere.</summary>
    public void Watch(string text) => _sightings.TryAdd(text, 0);

    public int Sightings(string text) => _sightings.GetValueOrDefault(text);

    public static async Task<OtlpReceiver> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app, $"http://127.0.0.1:{port}");
        app.MapPost("/v1/traces", receiver.ReceiveTracesAsync);
        app.MapPost("/v1/metrics", async (HttpRequest request) =>
        {
            receiver.Inspect(await ReadBodyAsync(request));
            return Results.Ok();
        });
        app.MapPost("/v1/logs", async (HttpRequest request) =>
        {
            receiver.Inspect(await ReadBodyAsync(request));
            Interlocked.Increment(ref receiver._logPayloads);
            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    private async Task<IResult> ReceiveTracesAsync(HttpRequest request)
    {
        var body = await ReadBodyAsync(request);
        Inspect(body);
        var export = ExportTraceServiceRequest.Parser.ParseFrom(body);
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

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        var source = request.Headers.ContentEncoding.ToString() == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        await source.CopyToAsync(body);
        return body.ToArray();
    }

    /// <summary>Protobuf keeps strings as raw UTF-8, so a watched text inside any attribute or body shows up in the bytes.</summary>
    private void Inspect(byte[] payload)
    {
        foreach (var text in _sightings.Keys)
        {
            if (payload.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0) _sightings.AddOrUpdate(text, 1, (_, n) => n + 1);
        }
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
