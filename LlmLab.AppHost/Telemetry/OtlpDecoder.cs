using System.Globalization;
using Google.Protobuf;
using LlmLab.AppHost.Telemetry.Otlp;

namespace LlmLab.AppHost.Telemetry;

/// <summary>Turns OTLP/HTTP protobuf export requests (/v1/traces, /v1/logs) into the dashboard's spans and logs.</summary>
public static class OtlpDecoder
{
    private const string UnknownService = "unknown_service";

    /// <exception cref="InvalidProtocolBufferException">The body is not an OTLP export request.</exception>
    public static IReadOnlyList<TelemetrySpan> Spans(byte[] body)
    {
        var export = ExportTraceServiceRequest.Parser.ParseFrom(body);
        var spans = new List<TelemetrySpan>();
        foreach (var resourceSpans in export.ResourceSpans)
        {
            var resource = Attributes(resourceSpans.Resource?.Attributes);
            var service = resource.GetValueOrDefault("service.name", UnknownService);
            var instance = resource.GetValueOrDefault("service.instance.id", "");
            foreach (var scope in resourceSpans.ScopeSpans)
            {
                foreach (var span in scope.Spans)
                {
                    var start = FromUnixNanos(span.StartTimeUnixNano);
                    var durationMs = span.EndTimeUnixNano >= span.StartTimeUnixNano
                        ? (span.EndTimeUnixNano - span.StartTimeUnixNano) / 1_000_000.0
                        : 0;
                    spans.Add(new TelemetrySpan(Hex(span.TraceId), Hex(span.SpanId), Hex(span.ParentSpanId), service, instance, span.Name,
                        scope.Scope?.Name ?? "", KindName(span.Kind), start, durationMs,
                        span.Status?.Code == Status.Types.StatusCode.Error, span.Status?.Message ?? "", Attributes(span.Attributes)));
                }
            }
        }
        return spans;
    }

    /// <exception cref="InvalidProtocolBufferException">The body is not an OTLP export request.</exception>
    public static IReadOnlyList<TelemetryLog> Logs(byte[] body)
    {
        var export = ExportLogsServiceRequest.Parser.ParseFrom(body);
        var logs = new List<TelemetryLog>();
        foreach (var resourceLogs in export.ResourceLogs)
        {
            var service = Attributes(resourceLogs.Resource?.Attributes).GetValueOrDefault("service.name", UnknownService);
            foreach (var scope in resourceLogs.ScopeLogs)
            {
                foreach (var record in scope.LogRecords)
                {
                    var time = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
                    logs.Add(new TelemetryLog(service, FromUnixNanos(time), record.SeverityText, Text(record.Body), Hex(record.TraceId),
                        Hex(record.SpanId), Attributes(record.Attributes)));
                }
            }
        }
        return logs;
    }

    public static string Hex(ByteString bytes) => bytes.IsEmpty ? "" : Convert.ToHexStringLower(bytes.Span);

    private static DateTimeOffset FromUnixNanos(ulong nanos) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(nanos / 100));

    private static string KindName(Span.Types.SpanKind kind) => kind switch
    {
        Span.Types.SpanKind.Server => "server",
        Span.Types.SpanKind.Client => "client",
        Span.Types.SpanKind.Producer => "producer",
        Span.Types.SpanKind.Consumer => "consumer",
        _ => "internal",
    };

    private static Dictionary<string, string> Attributes(IEnumerable<KeyValue>? attributes)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in attributes ?? []) result[attribute.Key] = Text(attribute.Value);
        return result;
    }

    public static string Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Select(Text)) + "]",
        AnyValue.ValueOneofCase.KvlistValue => "{" + string.Join(", ", value.KvlistValue.Values.Select(v => $"{v.Key}: {Text(v.Value)}")) + "}",
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        _ => "",
    };
}
