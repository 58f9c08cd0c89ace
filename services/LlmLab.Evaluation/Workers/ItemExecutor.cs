using System.Diagnostics;
using Grpc.Core;
using LlmLab.Evaluation.Clients;
using LlmLab.Evaluation.Domain;
using LlmLab.Evaluation.Methods;

namespace LlmLab.Evaluation.Workers;

/// <summary>
/// Runs one work item's method and scores its answer. A provider failure fails the item (with its reason); a platform
/// service that cannot be reached (gRPC UNAVAILABLE without a failure trailer) propagates, so the message is retried
/// and an outage never becomes failed items.
/// </summary>
public sealed class ItemExecutor(IEnumerable<IEvaluationMethod> methods, ScoringClient scoring, TimeProvider time)
{
    public async Task<ItemResult> ExecuteAsync(Domain.Evaluation evaluation, DatasetItem item, MethodSpec spec, CancellationToken ct)
    {
        var method = methods.First(m => m.Handles(spec));
        var input = new MethodInput(evaluation, item, spec);
        var started = time.GetTimestamp();
        MethodOutcome outcome;
        try
        {
            outcome = await method.RunAsync(input, ct);
        }
        catch (ModelCallFailedException ex)
        {
            return ItemResult.Failed(ex.Message);
        }
        catch (RpcException ex) when (!ct.IsCancellationRequested && !ModelClient.IsUnreachable(ex))
        {
            return ItemResult.Failed($"retrieval: {ex.StatusCode}: {ex.Status.Detail}");
        }
        var latency = time.GetElapsedTime(started).TotalMilliseconds;
        var references = input.Numeric ? item.Answers.Select(a => Extraction.NumericAnswer.LastNumber(a) ?? a).ToList() : item.Answers;
        Dictionary<string, double> scores;
        try
        {
            var grounding = spec.Method.IsRag() ? new Grounding(outcome.Retrieved.Select(p => p.Text).ToList(), evaluation.TenantId, evaluation.Judge) : null;
            scores = await scoring.ScoreAsync(item.Question, outcome.Extracted, references, ct, outcome.Answer, grounding);
        }
        catch (RpcException ex) when (!ct.IsCancellationRequested && !ModelClient.IsUnreachable(ex))
        {
            return ItemResult.Failed($"scoring: {ex.StatusCode}: {ex.Status.Detail}");
        }
        return new ItemResult(outcome, scores, latency, RetrievalHits.FirstHitRank(outcome.Retrieved, item.SupportingFacts), null);
    }
}

/// <summary>A work item's outcome: the method's answer and scores, or why it failed.</summary>
public sealed record ItemResult(MethodOutcome? Outcome, Dictionary<string, double> Scores, double LatencyMs, int? FirstHitRank, string? Error)
{
    public static ItemResult Failed(string error) => new(null, [], 0, null, error);

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public ItemStatus Status => Error is not null ? ItemStatus.Failed : Outcome!.Stuck ? ItemStatus.Stuck : ItemStatus.Completed;
}
