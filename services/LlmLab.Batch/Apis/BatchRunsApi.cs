using System.Text.Json;
using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using LlmLab.Contracts.Messages;
using LlmLab.Messaging;
using Microsoft.EntityFrameworkCore;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Batch.Apis;

public static class BatchRunsApi
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    /// <summary>How long EventSource waits before reconnecting to a stream that dropped mid-run.</summary>
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(3);

    public static IEndpointRouteBuilder MapBatchRunsApi(this IEndpointRouteBuilder app)
    {
        // API.md's experiment-level stream: the progress of the experiment's latest run.
        app.MapGet("/api/experiments/{experimentId:guid}/progress", ExperimentProgressAsync).RequireTenant();
        var api = app.MapGroup("/api/experiments/batch").RequireTenant();
        api.MapGet("/{id:guid}/status", StatusAsync);
        api.MapGet("/{id:guid}/progress", ProgressAsync);
        api.MapPost("/{id:guid}/rescore", RescoreAsync);
        api.MapGet("/{id:guid}/items", ItemsAsync);
        return app;
    }

    public static async Task<Results<Ok<RunStatusView>, ProblemHttpResult>> StatusAsync(Guid id, HttpContext http, RunStatusReader reader, CancellationToken ct)
    {
        var run = await reader.FindRunAsync(id, http.TenantId()!, ct);
        return run is null ? Problems.NotFound("Batch run", id) : TypedResults.Ok(await reader.ReadAsync(run, ct));
    }

    /// <summary>The run's work items with their parameters, seed, status and, for failed or cancelled ones, why: kind, message, provider status, attempts.</summary>
    public static async Task<Results<Ok<PagedList<WorkItemView>>, ProblemHttpResult>> ItemsAsync(
        Guid id, HttpContext http, RunStatusReader reader, BatchDbContext db, CancellationToken ct, string? status = null, int page = 1, int page_size = 100)
    {
        if (Paging.Invalid(page, page_size, 1000) is { } badPage) return badPage;
        WorkItemStatus? wanted = null;
        if (status is not null)
        {
            if (!EnumNames.TryParse<WorkItemStatus>(status, out var parsed)) return Problems.Invalid("status", EnumNames.Expected<WorkItemStatus>(), StatusCodes.Status400BadRequest);
            wanted = parsed;
        }
        if (await reader.FindRunAsync(id, http.TenantId()!, ct) is null) return Problems.NotFound("Batch run", id);
        var items = db.WorkItems.AsNoTracking().Where(w => w.RunId == id && (wanted == null || w.Status == wanted));
        var total = await items.CountAsync(ct);
        var rows = await items.OrderBy(w => w.CombinationIndex).ThenBy(w => w.Repetition).Skip((page - 1) * page_size).Take(page_size)
            .Select(w => new WorkItemView(w.Id, w.CombinationIndex, w.Repetition, w.Temperature, w.TopP, w.MaxTokens, w.FrequencyPenalty,
                w.PresencePenalty, w.Seed, w.Status,
                w.ErrorKind == null ? null : new CallFailure(w.ErrorKind, w.ErrorMessage ?? "", w.ProviderStatus, w.Attempts ?? 0), w.FinishedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedList<WorkItemView>(rows, total, page, page_size));
    }

    /// <summary>Queues a re-score of the run's responses with the current analysis version (202; the metrics change in place).</summary>
    public static async Task<Results<Accepted<RescoreAccepted>, ProblemHttpResult>> RescoreAsync(
        Guid id, HttpContext http, RunStatusReader reader, BatchDbContext db, Outbox outbox, CancellationToken ct)
    {
        var run = await reader.FindRunAsync(id, http.TenantId()!, ct);
        if (run is null) return Problems.NotFound("Batch run", id);
        if (!run.Status.IsFinal()) return Problems.Conflict($"Run {id} is {run.Status}; re-score it when it has finished.");
        var command = new RescoreRun(run.Id, run.TenantId, Guid.CreateVersion7());
        outbox.Add(db, command);
        await db.SaveChangesAsync(ct);
        outbox.Committed();
        return TypedResults.Accepted($"/api/experiments/batch/{id}/status", new RescoreAccepted(run.Id, command.RequestId));
    }

    public static async Task<IResult> ExperimentProgressAsync(Guid experimentId, HttpContext http, BatchDbContext db, RunStatusReader reader, RunProgressFeed feed, CancellationToken ct)
    {
        var latest = await db.Runs.AsNoTracking().Where(r => r.ExperimentId == experimentId && r.TenantId == http.TenantId())
            .OrderByDescending(r => r.CreatedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        return latest is { } runId
            ? await ProgressAsync(runId, http, reader, feed, ct)
            : Problems.NotFound("Run of experiment", experimentId);
    }

    /// <summary>
    /// Server-sent events: one default ("message") event per change (the shared <see cref="RunProgressFeed"/> reads the run
    /// every 100 ms, so at most ~10 a second), the event id being the run's sequence; a client that reconnects with
    /// Last-Event-ID gets only what it has not seen. The stream ends after the final status; a reconnect after that answers
    /// 204, which tells EventSource to stop.
    /// </summary>
    public static async Task<IResult> ProgressAsync(Guid id, HttpContext http, RunStatusReader reader, RunProgressFeed feed, CancellationToken ct)
    {
        var run = await reader.FindRunAsync(id, http.TenantId()!, ct);
        if (run is null) return Problems.NotFound("Batch run", id);

        var resumed = long.TryParse(http.Request.Headers["Last-Event-ID"].ToString(), out var resumeFrom);
        var lastSent = resumed ? resumeFrom : -1;
        if (resumed && run.Status.IsFinal() && lastSent >= FinalSequence(run)) return Results.NoContent();
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync($"retry: {ReconnectDelay.TotalMilliseconds:0}\n\n", ct);
        await http.Response.Body.FlushAsync(ct);

        using var subscription = feed.Subscribe(run);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var latest = subscription.Latest;
                if (latest is not null && latest.Sequence > lastSent)
                {
                    await http.Response.WriteAsync($"id: {latest.Sequence}\ndata: {latest.Json}\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    lastSent = latest.Sequence;
                }
                if (latest?.Final == true) break;
                await subscription.WaitForChangeAsync(latest, Heartbeat, ct);
                if (ReferenceEquals(subscription.Latest, latest))
                {
                    await http.Response.WriteAsync(": heartbeat\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
        return Results.Empty;
    }

    /// <summary>The run's event sequence: one per finished item, plus one for reaching a final status.</summary>
    private static long FinalSequence(BatchRun run) => run.CompletedItems + run.FailedItems + (run.Status.IsFinal() ? 1 : 0);
}

public sealed record RescoreAccepted(Guid RunId, Guid RequestId);

public sealed record WorkItemView(Guid Id, int CombinationIndex, int Repetition, double Temperature, double TopP, int MaxTokens,
    double FrequencyPenalty, double PresencePenalty, long Seed, WorkItemStatus Status, CallFailure? Error, DateTimeOffset? FinishedAt);
