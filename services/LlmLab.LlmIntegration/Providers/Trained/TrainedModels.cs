using Grpc.Core;
using Grpc.Net.ClientFactory;
using LlmLab.Contracts.Training;
using LlmLab.LlmIntegration.Domain;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;

namespace LlmLab.LlmIntegration.Providers.Trained;

/// <summary>
/// The language models a tenant trained with the training service, offered as models of the built-in `local` provider
/// (`local/&lt;name&gt;`). Each call is signed as the tenant, so the training service answers with that tenant's models only.
/// </summary>
public sealed class TrainedModels(GrpcClientFactory clients, InternalTokens tokens, ILogger<TrainedModels> logger)
{
    public const string ClientName = "training";

    /// <summary>The tenant's trained models; empty (and logged) when the training service cannot be reached.</summary>
    public async Task<IReadOnlyList<TrainedModelInfo>> ListAsync(string tenantId, CancellationToken ct = default)
    {
        try
        {
            var reply = await Client().ListModelsAsync(new ListTrainedModelsRequest(), SignedAs(tenantId), cancellationToken: ct);
            return reply.Models;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal)
        {
            logger.LogWarning("Trained models of a tenant could not be listed: {Status}", ex.Status.Detail);
            return [];
        }
    }

    /// <summary>A trained model of the tenant under the local provider, or null when the tenant has none of that name.</summary>
    public async Task<ResolvedModel?> ResolveAsync(string tenantId, CatalogEntry local, string name)
    {
        if (local.Definition.Kind != ProviderKind.Local || string.IsNullOrEmpty(name)) return null;
        var found = (await ListAsync(tenantId)).FirstOrDefault(m => m.Name == name);
        if (found is null) return null;
        var model = new ModelDefinition { Name = found.Name, ContextWindow = found.ContextWindow };
        // The identity keys limits, circuit breaker and cache: one per tenant's model, never shared between tenants.
        return new ResolvedModel(local.Name.ToLowerInvariant(), $"trained/{tenantId}/{found.Name}", local.Scope, local.Definition, model,
            new TrainedChatClient(this, tenantId, found.Name));
    }

    public async Task<TrainedGenerateReply> GenerateAsync(string tenantId, TrainedGenerateRequest request, CancellationToken ct) =>
        await Client().GenerateAsync(request, SignedAs(tenantId), cancellationToken: ct);

    private TrainedModelService.TrainedModelServiceClient Client() => clients.CreateClient<TrainedModelService.TrainedModelServiceClient>(ClientName);

    private Metadata SignedAs(string tenantId) =>
        new() { { InternalTokens.HeaderName, tokens.Mint(new CallerIdentity(tenantId, "service:llm-integration", InternalTokens.ServiceRole)) } };
}
