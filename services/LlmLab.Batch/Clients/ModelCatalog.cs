using LlmLab.Contracts.Llm;

namespace LlmLab.Batch.Clients;

/// <summary>Asks llm-integration whether a run's provider and models exist for the tenant, so a run never starts on a name that cannot work.</summary>
public sealed class ModelCatalog(LlmService.LlmServiceClient llm)
{
    /// <summary>The first unknown name as (field, message), or null when every one resolves.</summary>
    public async Task<(string Field, string Message)?> FindUnknownAsync(string tenantId, string provider, IEnumerable<string> models, CancellationToken ct)
    {
        foreach (var model in models.DefaultIfEmpty("").Distinct(StringComparer.Ordinal))
        {
            var reply = await llm.ResolveModelAsync(new ResolveModelRequest { TenantId = tenantId, Provider = provider, Model = model }, cancellationToken: ct);
            if (!reply.Found) return (reply.Field is "provider" ? "provider" : "model", reply.Message);
        }
        return null;
    }
}
