using Grpc.Core;
using LlmLab.Contracts.Quality;
using LlmLab.Quality.Metrics;

namespace LlmLab.Quality.Grpc;

/// <summary>gRPC scoring used by batch workers.</summary>
public sealed class QualityGrpcService : QualityService.QualityServiceBase
{
    public const int MaxTextLength = 1_000_000;

    public override Task<ScoreReply> Score(ScoreRequest request, ServerCallContext context)
    {
        if (request.Text.Length > MaxTextLength)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"text: must be at most {MaxTextLength} characters."));
        var reply = new ScoreReply { AnalysisVersion = QualityScorer.AnalysisVersion };
        reply.Metrics.Add(QualityScorer.Score(request.Text, request.Prompt, request.MaxTokens, request.FinishReason));
        return Task.FromResult(reply);
    }
}
