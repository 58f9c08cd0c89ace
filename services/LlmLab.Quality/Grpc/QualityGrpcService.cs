using Grpc.Core;
using LlmLab.Contracts.Quality;
using LlmLab.Quality.Metrics;
using Microsoft.Extensions.Options;

namespace LlmLab.Quality.Grpc;

/// <summary>gRPC scoring used by batch workers: one response, or a batch with self-BLEU across siblings.</summary>
internal sealed class QualityGrpcService(IOptionsMonitor<QualityOptions> options) : QualityService.QualityServiceBase
{
    public override Task<ScoreReply> Score(ScoreRequest request, ServerCallContext context) =>
        Task.FromResult(ScoreOne(request, "text"));

    public override Task<ScoreBatchReply> ScoreBatch(ScoreBatchRequest request, ServerCallContext context)
    {
        if (request.Items.Count > QualityLimits.MaxBatchSize)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"items: at most {QualityLimits.MaxBatchSize} per batch."));
        var replies = request.Items.Select((item, i) => ScoreOne(item, $"items[{i}].text")).ToList();
        foreach (var group in request.Items.Select((item, i) => (item.GroupId, i)).Where(x => x.GroupId.Length > 0).GroupBy(x => x.GroupId))
        {
            var members = group.Select(x => x.i).ToList();
            var selfBleu = QualityScorer.SelfBleu(members.Select(i => request.Items[i].Text).ToList());
            for (var k = 0; k < members.Count; k++) replies[members[k]].Metrics["self_bleu"] = selfBleu[k];
        }
        var reply = new ScoreBatchReply();
        reply.Items.Add(replies);
        return Task.FromResult(reply);
    }

    private ScoreReply ScoreOne(ScoreRequest request, string field)
    {
        if (request.Text.Length > QualityLimits.MaxTextLength)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field}: must be at most {QualityLimits.MaxTextLength} characters."));
        IReadOnlyDictionary<string, double> weights = request.Weights.Count > 0 ? request.Weights : options.CurrentValue.Weights;
        if (QualityScorer.UnknownWeights(weights) is [var unknown, ..])
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"weights: '{unknown}' is not a metric the overall score can weigh."));

        var references = request.References.Concat(request.HasReference ? [request.Reference] : Array.Empty<string>()).ToList();
        var reply = new ScoreReply { AnalysisVersion = QualityScorer.AnalysisVersion };
        reply.Metrics.Add(QualityScorer.Score(new ScoreInput(request.Text, request.Prompt, references, request.MaxTokens, request.FinishReason, weights)));
        return reply;
    }
}
