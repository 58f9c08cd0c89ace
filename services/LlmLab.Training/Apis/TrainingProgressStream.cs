using System.Text.Json;
using LlmLab.ServiceKit;
using LlmLab.Training.Domain;

namespace LlmLab.Training.Apis;

/// <summary>
/// GET /api/training/jobs/{id}/progress: server-sent events read from the database (so any replica can serve them,
/// whichever trains the job): `step` {step, epoch, loss} for every optimiser step, `holdout` {epoch, step, loss} after
/// each epoch, and `status` (the job view) when it changes; the stream ends when the job does. The events are named
/// (three kinds): a client listens for each name (EventSource.addEventListener), as docs/api-consumers.md says.
/// The event id is the step, so a client reconnecting with Last-Event-ID continues where it stopped; the final status
/// has the id last step + 1, and a reconnect with that id (or later) once the job has ended answers 204.
/// </summary>
public static class TrainingProgressStream
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static async Task<IResult> StreamAsync(Guid id, HttpContext http, JobQueries queries, TimeProvider time, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        var job = await queries.FindAsync(id, tenant, ct);
        if (job is null) return Problems.NotFound("Training job", id);

        var resumed = int.TryParse(http.Request.Headers["Last-Event-ID"].ToString(), out var resumeFrom);
        // Like the batch stream: a reconnect after the final status (whose id is past the last step) gets 204, so EventSource stops.
        if (resumed && job.Status.IsFinal() && (await queries.StepsAfterAsync(id, resumeFrom - 1, 1, ct)).Count == 0) return Results.NoContent();
        var lastStep = resumed ? resumeFrom : 0;
        var holdoutSent = 0;
        string? lastStatus = null;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync("retry: 1000\n\n", ct);
        var lastWrite = time.GetUtcNow();
        using var cadence = new PeriodicTimer(PollInterval, time);
        try
        {
            while (true)
            {
                var final = job.Status.IsFinal();
                var wrote = false;
                List<TrainingStep> steps;
                do
                {
                    steps = await queries.StepsAfterAsync(id, lastStep, 500, ct);
                    foreach (var step in steps)
                    {
                        await WriteAsync(http, "step", step.Step.ToString(System.Globalization.CultureInfo.InvariantCulture), new { step.Step, step.Epoch, step.Loss }, ct);
                        lastStep = step.Step;
                    }
                    wrote |= steps.Count > 0;
                } while (steps.Count == 500);
                foreach (var point in (await queries.HoldoutAsync(id, ct)).Skip(holdoutSent))
                {
                    await WriteAsync(http, "holdout", null, new { point.Epoch, point.Step, point.Loss }, ct);
                    holdoutSent++;
                    wrote = true;
                }
                var view = await queries.ViewAsync(job, ct);
                if (view.Status != lastStatus || final)
                {
                    await WriteAsync(http, "status", final ? (lastStep + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null, view, ct);
                    lastStatus = view.Status;
                    wrote = true;
                }
                if (final) break;
                if (wrote) lastWrite = time.GetUtcNow();
                else if (time.GetUtcNow() - lastWrite > Heartbeat)
                {
                    await http.Response.WriteAsync(": heartbeat\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    lastWrite = time.GetUtcNow();
                }
                await cadence.WaitForNextTickAsync(ct);
                job = await queries.FindAsync(id, tenant, ct) ?? job;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
        return Results.Empty;
    }

    private static async Task WriteAsync(HttpContext http, string name, string? id, object data, CancellationToken ct)
    {
        var idLine = id is null ? "" : $"id: {id}\n";
        await http.Response.WriteAsync($"{idLine}event: {name}\ndata: {JsonSerializer.Serialize(data, ServiceKitExtensions.Json)}\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
    }
}
