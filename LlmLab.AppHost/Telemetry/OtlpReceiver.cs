using System.IO.Compression;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LlmLab.AppHost.Telemetry;

/// <summary>
/// OTLP/HTTP with protobuf bodies (what the services' exporter sends with OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf):
/// /v1/traces and /v1/logs are kept, /v1/metrics is accepted and not kept (the charts come from spans).
/// </summary>
public static class OtlpReceiver
{
    private const string Protobuf = "application/x-protobuf";
    /// <summary>An exporter's batch is at most 512 spans by default; this leaves room and refuses anything absurd.</summary>
    private const int MaxBodyBytes = 32 * 1024 * 1024;

    public static IEndpointRouteBuilder MapOtlpReceiver(this IEndpointRouteBuilder app, ReceivedTelemetry telemetry)
    {
        app.MapPost("/v1/traces", (HttpRequest request) => ReceiveAsync(request, body => telemetry.AddSpans(OtlpDecoder.Spans(body))));
        app.MapPost("/v1/logs", (HttpRequest request) => ReceiveAsync(request, body => telemetry.Logs.Add(OtlpDecoder.Logs(body))));
        app.MapPost("/v1/metrics", (HttpRequest request) => ReceiveAsync(request, _ => { }));
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, Action<byte[]> keep)
    {
        if (!(request.ContentType ?? "").StartsWith(Protobuf, StringComparison.OrdinalIgnoreCase))
            return Results.Problem($"Content-Type must be {Protobuf} (OTLP/HTTP protobuf; set OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf).",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        byte[] body;
        try
        {
            body = await ReadAsync(request);
        }
        catch (InvalidDataException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        try
        {
            keep(body);
        }
        catch (InvalidProtocolBufferException ex)
        {
            return Results.Problem($"The body is not an OTLP export request: {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
        }
        // An empty Export*ServiceResponse: full success.
        return Results.Bytes([], Protobuf);
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        var gzip = string.Equals(request.Headers.ContentEncoding.ToString(), "gzip", StringComparison.OrdinalIgnoreCase);
        await using var decompressed = gzip ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : null;
        var source = (Stream?)decompressed ?? request.Body;
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            if (body.Length + read > MaxBodyBytes) throw new InvalidDataException($"The body is larger than {MaxBodyBytes / 1024 / 1024} MiB.");
            body.Write(buffer, 0, read);
        }
        return body.ToArray();
    }
}
