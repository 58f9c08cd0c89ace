using System.Text.Json;
using LlmLab.Analytics.Live;
using LlmLab.ServiceKit;

namespace LlmLab.Analytics.Apis;

/// <summary>
/// GET /api/events/stream: the tenant's live events as server-sent events, named run.started, run.finished,
/// gate.evaluated and alert (the data: the run, the gate result's view, the alert's view). A `ready` event says the
/// stream is listening. Not resumable: a client that reconnects reads what it missed from the API.
/// </summary>
public static class EventStreamApi
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapEventStreamApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events/stream", StreamAsync).RequireTenant();
        return app;
    }

    public static async Task StreamAsync(HttpContext http, LiveEvents live, CancellationToken ct)
    {
        using var listener = live.Listen(http.TenantId()!);
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync("retry: 1000\n\nevent: ready\ndata: {}\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(ct);
                beat.CancelAfter(Heartbeat);
                try
                {
                    await listener.Events.WaitToReadAsync(beat.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": heartbeat\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    continue;
                }
                while (listener.Events.TryRead(out var e))
                    await http.Response.WriteAsync($"event: {e.Name}\ndata: {JsonSerializer.Serialize(e.Data, e.Data.GetType(), ServiceKitExtensions.Json)}\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
    }
}
