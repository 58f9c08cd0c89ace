using LlmLab.Evaluation.Data;
using LlmLab.Evaluation.Domain;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Evaluation.Workers;

/// <summary>
/// Sets aside a pending item whose command arrives while its evaluation is paused. The evaluation row is locked (shared)
/// first, and resume locks it exclusively before it re-queues paused items, so an item is either set aside before a
/// resume (and re-queued by it) or sees the evaluation running (and runs now): never lost, never queued twice.
/// </summary>
public sealed class ItemParking(EvaluationDbContext db)
{
    /// <summary>The evaluation's status under the lock; when Paused, the item has been set aside.</summary>
    public async Task<EvaluationStatus> ParkIfPausedAsync(Guid itemId, Guid evaluationId, CancellationToken cancellationToken) =>
        await db.InTransactionAsync(async ct =>
        {
            var stored = await db.Database.SqlQuery<string>($"SELECT status AS \"Value\" FROM evaluations WHERE id = {evaluationId} FOR SHARE")
                .ToListAsync(ct);
            var status = Enum.Parse<EvaluationStatus>(stored.Single());
            if (status == EvaluationStatus.Paused)
            {
                await db.EvaluationItems.Where(w => w.Id == itemId && w.Status == ItemStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, ItemStatus.Paused), ct);
            }
            return status;
        }, cancellationToken);
}
