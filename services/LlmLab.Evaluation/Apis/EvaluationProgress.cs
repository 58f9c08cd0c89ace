using System.Text.Json;
using LlmLab.Evaluation.Data;
using LlmLab.Evaluation.Domain;
using LlmLab.ServiceKit;

namespace LlmLab.Evaluation.Apis;

/// <summary>
/// Server-sent events of an evaluation's status: one default ("message") event per change (polled every 200 ms), the event id being
/// its sequence, so a client reconnecting with Last-Event-ID gets only what it has not seen; the stream ends when the
/// evaluation has finished, and a reconnect after that answers 204.
/// </summary>
public static class EvaluationProgress
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static async Task<IResult> StreamAsync(Guid id, HttpContext http, EvaluationDbContext db, TimeProvider time, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        var evaluation = await db.FindEvaluationAsync(id, tenant, ct);
        if (evaluation is null) return Problems.NotFound("Evaluation", id);
        var resumed = long.TryParse(http.Request.Headers["Last-Event-ID"].ToString(), out var resume);
        var lastSent = resumed ? resume : -1;
        // Like the batch stream: a reconnect after the final event gets 204, so EventSource stops.
        if (resumed && evaluation.Status.IsFinal() && lastSent >= EvaluationStatusView.Of(evaluation).Sequence) return Results.NoContent();
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync("retry: 3000\n\n", ct);
        var lastWrite = time.GetUtcNow();
        using var cadence = new PeriodicTimer(PollInterval, time);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var view = EvaluationStatusView.Of(evaluation);
                if (view.Sequence > lastSent)
                {
                    await http.Response.WriteAsync($"id: {view.Sequence}\ndata: {JsonSerializer.Serialize(view, ServiceKitExtensions.Json)}\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    lastSent = view.Sequence;
                    lastWrite = time.GetUtcNow();
                }
                if (evaluation.Status.IsFinal()) break;
                if (time.GetUtcNow() - lastWrite > Heartbeat)
                {
                    await http.Response.WriteAsync(": heartbeat\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    lastWrite = time.GetUtcNow();
                }
                await cadence.WaitForNextTickAsync(ct);
                evaluation = await db.FindEvaluationAsync(id, tenant, ct) ?? evaluation;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
        return Results.Empty;
    }
}
