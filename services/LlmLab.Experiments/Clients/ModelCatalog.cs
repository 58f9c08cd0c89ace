using Grpc.Core;
using LlmLab.Contracts.Llm;
using LlmLab.ServiceKit;

namespace LlmLab.Experiments.Clients;

/// <summary>Asks llm-integration whether an experiment's provider and model exist for the tenant.</summary>
public sealed class ModelCatalog(LlmService.LlmServiceClient llm)
{
    public const string Dependency = "llm-integration";
    /// <summary>A stopped llm-integration (not refusing, just silent) answers nothing; the caller hears 503 after this.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>(field, message) naming "provider" or "model" when one is unknown; null when both resolve.</summary>
    public async Task<(string Field, string Message)?> FindUnknownAsync(string tenantId, string provider, string model, CancellationToken ct)
    {
        try
        {
            var reply = await llm.ResolveModelAsync(new ResolveModelRequest { TenantId = tenantId, Provider = provider, Model = model },
                deadline: DateTime.UtcNow + Deadline, cancellationToken: ct);
            return reply.Found ? null : (reply.Field is "provider" ? "provider" : "model", reply.Message);
        }
        catch (RpcException ex) when (!ct.IsCancellationRequested && ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded
            or StatusCode.Cancelled or StatusCode.Internal)
        {
            throw new DependencyUnavailableException(Dependency, ex);
        }
    }
}
