using Grpc.Core;
using LlmLab.Contracts.Llm;

namespace LlmLab.Quality.Judging;

/// <summary>
/// Asks the judge through llm-integration's gRPC Generate as the tenant whose response is judged (so a tenant's judge is
/// one of its own providers, a configuration or a shared one): temperature 0 and a fixed seed, so verdicts repeat.
/// </summary>
internal sealed class LlmServiceJudgeModel(LlmService.LlmServiceClient llm) : IJudgeModel
{
    public async Task<string> CompleteAsync(string tenant, string provider, string model, string prompt, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await llm.GenerateAsync(new GenerateRequest
            {
                TenantId = tenant,
                Provider = provider,
                Model = model,
                Messages = { new ChatMessage { Role = "user", Content = prompt } },
                Parameters = new GenerationParameters { Temperature = 0, MaxTokens = 300, Seed = 7 },
            }, deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: cancellationToken);
            return reply.Content;
        }
        catch (RpcException ex)
        {
            throw new JudgeUnavailableException($"{ex.StatusCode}: {ex.Status.Detail}", ex);
        }
    }
}
