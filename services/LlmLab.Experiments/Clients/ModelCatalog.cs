using LlmLab.Contracts.Llm;

namespace LlmLab.Experiments.Clients;

/// <summary>Asks llm-integration whether an experiment's provider and model exist for the tenant.</summary>
public sealed class ModelCatalog(LlmService.LlmServiceClient llm)
{
    /// <summary>(field, message) naming "provider" or "model" when one is unknown; null when both resolve.</summary>
    public async Task<(string Field, string Message)?> FindUnknownAsync(string tenantId, string provider, string model, CancellationToken ct)
    {
        var reply = await llm.ResolveModelAsync(new ResolveModelRequest { TenantId = tenantId, Provider = provider, Model = model }, cancellationToken: ct);
        return reply.Found ? null : (reply.Field is "provider" ? "provider" : "model", reply.Message);
    }
}
