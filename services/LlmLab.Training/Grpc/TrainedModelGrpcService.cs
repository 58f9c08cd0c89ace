using Grpc.Core;
using LlmLab.Contracts.Training;
using LlmLab.ServiceKit;
using LlmLab.Training.Data;
using LlmLab.Training.Modeling;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Training.Grpc;

/// <summary>
/// The trained models of the calling tenant (from the signed platform token) for llm-integration: listed, and used
/// to generate. A character-level model produces one character per step; max_tokens allows four characters a token.
/// </summary>
internal sealed class TrainedModelGrpcService(TrainingDbContext db, TrainedModelCache cache) : TrainedModelService.TrainedModelServiceBase
{
    public const int CharactersPerToken = 4;
    private const int DefaultMaxTokens = 64;
    private const int MaxTokens = 2048;

    public override async Task<ListTrainedModelsReply> ListModels(ListTrainedModelsRequest request, ServerCallContext context)
    {
        var tenant = Tenant(context);
        var models = await db.Models.AsNoTracking().Where(m => m.TenantId == tenant).OrderBy(m => m.Name)
            .Select(m => new { m.Name, m.JobId, m.ContextLength, m.Architecture }).ToListAsync(context.CancellationToken);
        var reply = new ListTrainedModelsReply();
        reply.Models.Add(models.Select(m => new TrainedModelInfo { Name = m.Name, JobId = m.JobId.ToString(), ContextWindow = m.ContextLength, Architecture = m.Architecture }));
        return reply;
    }

    public override async Task<TrainedGenerateReply> Generate(TrainedGenerateRequest request, ServerCallContext context)
    {
        if (request.HasMaxTokens && request.MaxTokens is < 1 or > MaxTokens)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"max_tokens: must be between 1 and {MaxTokens}."));
        var generator = await cache.GetAsync(Tenant(context), request.Model, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"model: no trained model '{request.Model}'."));
        var maxTokens = request.HasMaxTokens ? request.MaxTokens : DefaultMaxTokens;
        var settings = new SamplingSettings(request.HasTemperature ? request.Temperature : null, request.HasTopP ? request.TopP : null,
            request.HasTopK ? request.TopK : null, maxTokens * CharactersPerToken, request.HasSeed ? request.Seed : null, request.Stop.ToList());
        var (text, stopped) = await Task.Run(() => generator.Generate(request.Prompt, settings), context.CancellationToken);
        return new TrainedGenerateReply
        {
            Content = text,
            FinishReason = stopped ? "stop" : "length",
            PromptTokens = (request.Prompt.Length + CharactersPerToken - 1) / CharactersPerToken,
            CompletionTokens = (text.Length + CharactersPerToken - 1) / CharactersPerToken,
        };
    }

    private static string Tenant(ServerCallContext context) =>
        context.GetHttpContext().TenantId() ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "The call carries no tenant."));
}
