using LlmLab.Contracts.Messages;
using LlmLab.Evaluation.Data;
using LlmLab.Evaluation.Domain;
using LlmLab.Messaging;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Evaluation.Apis;

/// <summary>
/// POST /api/evaluations/{id}/pause and /resume. Pause lets items already running finish and be recorded; a worker that
/// receives an item of a paused evaluation sets it aside (<see cref="Workers.ItemParking"/>). Resume, in one transaction
/// holding the evaluation row, makes it running and queues each set-aside item again through the outbox; items whose
/// command was never received keep that command, so every item has exactly one command and runs once.
/// </summary>
public static class EvaluationControl
{
    public static async Task<Results<Accepted<EvaluationStatusView>, ProblemHttpResult>> PauseAsync(
        Guid id, HttpContext http, EvaluationDbContext db, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        var evaluation = await db.FindEvaluationAsync(id, tenant, ct);
        if (evaluation is null) return Problems.NotFound("Evaluation", id);
        var paused = await db.Evaluations.Where(e => e.Id == id && e.TenantId == tenant && e.Status == EvaluationStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EvaluationStatus.Paused), ct);
        return await AnswerAsync(db, id, tenant, paused, "paused", "only a running one can be paused", ct);
    }

    public static async Task<Results<Accepted<EvaluationStatusView>, ProblemHttpResult>> ResumeAsync(
        Guid id, HttpContext http, EvaluationDbContext db, Outbox outbox, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        var evaluation = await db.FindEvaluationAsync(id, tenant, ct);
        if (evaluation is null) return Problems.NotFound("Evaluation", id);
        var resumed = await db.InTransactionAsync(async token =>
        {
            // The UPDATE locks the evaluation row: a worker setting an item aside waits for this transaction, then sees it running.
            var changed = await db.Evaluations.Where(e => e.Id == id && e.TenantId == tenant && e.Status == EvaluationStatus.Paused)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EvaluationStatus.Running), token);
            if (changed == 0) return 0;
            var setAside = await db.EvaluationItems.Where(w => w.EvaluationId == id && w.Status == ItemStatus.Paused).Select(w => w.Id).ToListAsync(token);
            await db.EvaluationItems.Where(w => w.EvaluationId == id && w.Status == ItemStatus.Paused)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, ItemStatus.Pending), token);
            foreach (var item in setAside) outbox.Add(db, new EvaluateItem(item, id, tenant));
            await db.SaveChangesAsync(token);
            return changed;
        }, ct);
        if (resumed > 0) outbox.Committed();
        return await AnswerAsync(db, id, tenant, resumed, "running", "only a paused one can be resumed", ct);
    }

    private static async Task<Results<Accepted<EvaluationStatusView>, ProblemHttpResult>> AnswerAsync(EvaluationDbContext db, Guid id, string tenant,
        int changed, string wanted, string rule, CancellationToken ct)
    {
        var now = (await db.FindEvaluationAsync(id, tenant, ct))!;
        if (changed == 0 && EnumNames.Name(now.Status) != wanted)
            return Problems.Conflict($"Evaluation {id} is {EnumNames.Name(now.Status)}; {rule}.");
        return TypedResults.Accepted($"/api/evaluations/{id}/status", EvaluationStatusView.Of(now));
    }
}
