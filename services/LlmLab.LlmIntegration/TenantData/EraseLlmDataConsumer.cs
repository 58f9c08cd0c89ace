using LlmLab.Contracts.Messages;
using LlmLab.LlmIntegration.Budgets;
using LlmLab.LlmIntegration.Domain;
using LlmLab.LlmIntegration.Pipeline;
using MassTransit;

namespace LlmLab.LlmIntegration.TenantData;

/// <summary>
/// Erases what llm-integration keeps for a tenant in Redis: its providers (and their encrypted keys), its default
/// provider, every cached reply, its budgets, spend and alerts. Every step deletes keys, so a redelivery repeats harmlessly.
/// </summary>
public sealed class EraseLlmDataConsumer(RuntimeProviderStore providers, ProviderCatalog catalog, DefaultProviderStore defaults,
    ResponseCache cache, TenantBudgets budgets, ILogger<EraseLlmDataConsumer> logger) : IConsumer<TenantErasureRequested>
{
    public async Task Consume(ConsumeContext<TenantErasureRequested> context)
    {
        var tenant = context.Message.TenantId;
        var owner = ProviderOwner.Tenant(tenant);
        await providers.EraseAsync(owner);
        await catalog.ReloadAsync(owner); // drops this replica's clients of the erased providers at once
        await defaults.EraseAsync(tenant);
        var cached = await cache.EraseAsync(tenant);
        await budgets.EraseAsync(tenant);
        logger.LogInformation("Erasure {ErasureId}: providers, default, budgets and {Count} cached replies erased", context.Message.ErasureId, cached);
    }
}
