using LlmLab.Batch.Domain;
using LlmLab.ServiceKit;

namespace LlmLab.Batch.Data;

/// <summary>
/// Inserts a run's work items in one statement, in the caller's transaction. Through EF Core each item was an INSERT
/// of its own and a tracked entity: a 10,000-call run cost 10,000 statements before its first call.
/// </summary>
public static class WorkItemRows
{
    public static Task<int> InsertAsync(BatchDbContext db, IReadOnlyList<WorkItem> items, CancellationToken ct) =>
        items.Count == 0 ? Task.FromResult(0) : new UnnestInsert("work_items")
            .Column("id", items.Select(w => w.Id))
            .Column("run_id", items.Select(w => w.RunId))
            .Column("tenant_id", items.Select(w => w.TenantId))
            .Column("combination_index", items.Select(w => w.CombinationIndex))
            .Column("prompt", items.Select(w => w.Prompt))
            .Column("model", items.Select(w => w.Model))
            .Column("repetition", items.Select(w => w.Repetition))
            .Column("temperature", items.Select(w => w.Temperature))
            .Column("top_p", items.Select(w => w.TopP))
            .Column("max_tokens", items.Select(w => w.MaxTokens))
            .Column("frequency_penalty", items.Select(w => w.FrequencyPenalty))
            .Column("presence_penalty", items.Select(w => w.PresencePenalty))
            .Column("seed", items.Select(w => w.Seed))
            .Column("status", items.Select(w => w.Status.ToString()))
            .Column("error_kind", items.Select(w => w.ErrorKind))
            .Column("error_message", items.Select(w => w.ErrorMessage))
            .Column("provider_status", items.Select(w => w.ProviderStatus))
            .Column("attempts", items.Select(w => w.Attempts))
            .Column("finished_at", items.Select(w => w.FinishedAt))
            .ExecuteAsync(db, ct);
}
