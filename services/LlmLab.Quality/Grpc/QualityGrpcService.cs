using Grpc.Core;
using LlmLab.Contracts.Quality;
using LlmLab.Quality.Judging;
using LlmLab.Quality.Metrics;
using LlmLab.ServiceKit;
using Microsoft.Extensions.Options;

namespace LlmLab.Quality.Grpc;

/// <summary>gRPC scoring used by batch workers: one response, a batch (with self-BLEU across siblings), or a pairwise judgement.</summary>
internal sealed class QualityGrpcService(IOptionsMonitor<QualityOptions> options, JudgedScorer scorer, LlmJudge judge) : QualityService.QualityServiceBase
{
    public override Task<ScoreReply> Score(ScoreRequest request, ServerCallContext context) =>
        ScoreOneAsync(request, "text", context);

    public override async Task<ScoreBatchReply> ScoreBatch(ScoreBatchRequest request, ServerCallContext context)
    {
        if (request.Items.Count > QualityLimits.MaxBatchSize)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"items: at most {QualityLimits.MaxBatchSize} per batch."));
        var replies = new List<ScoreReply>(request.Items.Count);
        for (var i = 0; i < request.Items.Count; i++) replies.Add(await ScoreOneAsync(request.Items[i], $"items[{i}].text", context));
        foreach (var group in request.Items.Select((item, i) => (item.GroupId, i)).Where(x => x.GroupId.Length > 0).GroupBy(x => x.GroupId))
        {
            var members = group.Select(x => x.i).ToList();
            var selfBleu = QualityScorer.SelfBleu(members.Select(i => request.Items[i].Text).ToList());
            for (var k = 0; k < members.Count; k++) replies[members[k]].Metrics["self_bleu"] = selfBleu[k];
        }
        var reply = new ScoreBatchReply();
        reply.Items.Add(replies);
        return reply;
    }

    public override async Task<PairwiseReply> JudgePairwise(PairwiseRequest request, ServerCallContext context)
    {
        if (request.Judge is null || string.IsNullOrEmpty(request.Judge.Provider))
            throw new RpcException(new Status(StatusCode.InvalidArgument, "judge.provider: is required."));
        var verdict = await judge.CompareAsync(JudgeTenant(request.Judge, context), request.Judge.Provider, request.Judge.Model, request.Judge.Rubric, request.Prompt,
            request.ResponseA, request.ResponseB, context.CancellationToken);
        return new PairwiseReply
        {
            Winner = verdict.Winner,
            Consistent = verdict.Consistent,
            ReasoningAb = verdict.ReasoningAb,
            ReasoningBa = verdict.ReasoningBa,
            Error = verdict.Error ?? "",
        };
    }

    public override Task<CorpusBleuReply> CorpusBleu(CorpusBleuRequest request, ServerCallContext context)
    {
        if (request.Segments.Count == 0) throw new RpcException(new Status(StatusCode.InvalidArgument, "segments: at least one."));
        for (var i = 0; i < request.Segments.Count; i++)
        {
            if (!request.Segments[i].References.Any(r => r.Length > 0))
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"segments[{i}].references: at least one non-empty reference."));
        }
        var result = Metrics.Reference.CorpusBleu.Of(request.Segments.Select(s => (s.Hypothesis, (IReadOnlyList<string>)s.References)).ToList());
        var reply = new CorpusBleuReply
        {
            Score = result.Score, BrevityPenalty = result.BrevityPenalty, HypothesisLength = result.HypothesisLength,
            ReferenceLength = result.ReferenceLength, Signature = result.Signature,
        };
        reply.Counts.Add(result.Counts);
        reply.Totals.Add(result.Totals);
        reply.Precisions.Add(result.Precisions);
        return Task.FromResult(reply);
    }

    /// <summary>
    /// The tenant a judge acts as: the one the request names (a worker scoring a run names the run's tenant), else the
    /// signed caller's. Never a fixed identity: a tenant's judge may use only what that tenant may use.
    /// </summary>
    private static string JudgeTenant(JudgeSpec judge, ServerCallContext context) =>
        judge.TenantId is { Length: > 0 } named ? named
        : context.GetHttpContext().TenantId() ?? throw new RpcException(new Status(StatusCode.InvalidArgument,
            "judge.tenant_id: is required: the tenant whose providers the judge may use."));

    private async Task<ScoreReply> ScoreOneAsync(ScoreRequest request, string field, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        if (request.Text.Length > QualityLimits.MaxTextLength)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field}: must be at most {QualityLimits.MaxTextLength} characters."));
        if (request.Contexts.Sum(c => (long)c.Length) > QualityLimits.MaxTextLength)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"contexts: the passages must be at most {QualityLimits.MaxTextLength} characters together."));
        IReadOnlyDictionary<string, double> weights = request.Weights.Count > 0 ? request.Weights : options.CurrentValue.Weights;
        if (QualityScorer.UnknownWeights(weights) is [var unknown, ..])
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"weights: '{unknown}' is not a metric the overall score can weigh."));

        var references = request.References.Concat(request.HasReference ? [request.Reference] : Array.Empty<string>()).ToList();
        var choice = request.Judge is { Provider.Length: > 0 } j ? new JudgeChoice(j.Provider, j.Model, j.Rubric, JudgeTenant(j, context)) : null;
        if (request.HasNumericTolerance && !(request.NumericTolerance >= 0 && request.NumericTolerance <= 1))
            throw new RpcException(new Status(StatusCode.InvalidArgument, "numeric_tolerance: a relative tolerance between 0 and 1."));
        var tolerance = request.HasNumericTolerance ? request.NumericTolerance : Metrics.Reference.NumericMatch.DefaultRelativeTolerance;
        var outcome = await scorer.ScoreAsync(new ScoreInput(request.Text, request.Prompt, references, request.MaxTokens, request.FinishReason, weights, tolerance,
            request.Contexts.Count > 0 ? request.Contexts : null), choice, ct);
        var reply = new ScoreReply { AnalysisVersion = QualityScorer.AnalysisVersion };
        reply.Metrics.Add(outcome.Metrics);
        reply.Errors.Add(outcome.Errors);
        reply.Details.Add(outcome.Details);
        return reply;
    }
}
