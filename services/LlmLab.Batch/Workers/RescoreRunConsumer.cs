using LlmLab.Batch.Data;
using LlmLab.Contracts.Messages;
using LlmLab.Contracts.Quality;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Workers;

/// <summary>
/// Re-scores a run's stored responses with quality-analysis's current version, in chunks through ScoreBatch, without
/// generating anything again. Repetitions of one combination are scored as siblings, so each also gets self_bleu.
/// Idempotent: a redelivery scores again and writes the same values.
/// </summary>
public sealed class RescoreRunConsumer(BatchDbContext db, QualityService.QualityServiceClient quality) : IConsumer<RescoreRun>
{
    private const int ChunkSize = 200;

    public async Task Consume(ConsumeContext<RescoreRun> context)
    {
        var ct = context.CancellationToken;
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == context.Message.RunId && r.TenantId == context.Message.TenantId, ct);
        if (run is null) return;

        var ids = await db.Responses.AsNoTracking().Where(r => r.RunId == run.Id)
            .OrderBy(r => r.Temperature).ThenBy(r => r.TopP).ThenBy(r => r.MaxTokens).ThenBy(r => r.Id)
            .Select(r => r.Id).ToListAsync(ct);
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            var responses = await db.Responses.Include(r => r.Metrics).Where(r => chunk.Contains(r.Id)).ToListAsync(ct);
            var request = new ScoreBatchRequest();
            request.Items.Add(responses.Select(r => new ScoreRequest
            {
                Text = r.Content,
                Prompt = run.Prompt,
                MaxTokens = r.MaxTokens,
                FinishReason = r.FinishReason,
                Judge = run.JudgeProvider is { Length: > 0 } judge ? new JudgeSpec { Provider = judge, Model = run.JudgeModel ?? "", TenantId = run.TenantId } : null,
                GroupId = FormattableString.Invariant($"{r.Temperature}|{r.TopP}|{r.MaxTokens}|{r.FrequencyPenalty}|{r.PresencePenalty}"),
            }));
            var reply = await quality.ScoreBatchAsync(request, cancellationToken: ct);
            for (var i = 0; i < responses.Count; i++)
            {
                var scored = reply.Items[i];
                if (responses[i].Metrics is { } metrics) metrics.Apply(scored.Metrics, scored.AnalysisVersion, scored.Errors, scored.Details);
                else responses[i].Metrics = Domain.ResponseMetrics.From(responses[i].Id, scored.Metrics, scored.AnalysisVersion, scored.Errors, scored.Details);
            }
            await db.SaveChangesAsync(ct);
            // After the save, so a preview cached under the old revision never outlives the metrics it was read from.
            await db.Runs.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ScoreRevision, r => r.ScoreRevision + 1), ct);
        }
    }
}
