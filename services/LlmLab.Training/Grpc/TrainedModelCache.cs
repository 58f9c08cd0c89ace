using System.Collections.Concurrent;
using LlmLab.Training.Data;
using LlmLab.Training.Domain;
using LlmLab.Training.Modeling;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Training.Grpc;

/// <summary>
/// Trained networks loaded from PostgreSQL (the store every replica shares), kept in memory per tenant and name.
/// A model row never changes once written (a name is a job's, used once), so a loaded network never goes stale; but it
/// can be erased (with its tenant) while another replica holds it, so every use first checks the row still exists
/// (one indexed lookup, small beside a generation): an erased network is never served by any replica.
/// </summary>
public sealed class TrainedModelCache(IServiceScopeFactory scopes)
{
    private const int MaxLoaded = 32;
    private readonly ConcurrentDictionary<(string Tenant, string Name), Lazy<Task<TextGenerator?>>> _loaded = new();

    public async Task<TextGenerator?> GetAsync(string tenantId, string name, CancellationToken ct)
    {
        if (_loaded.Count > MaxLoaded) _loaded.Clear();
        var entry = _loaded.GetOrAdd((tenantId, name), key => new Lazy<Task<TextGenerator?>>(() => LoadAsync(key.Tenant, key.Name)));
        var fresh = !entry.IsValueCreated;
        var generator = await entry.Value.WaitAsync(ct);
        if (generator is not null && !fresh && !await StillStoredAsync(tenantId, name, ct)) generator = null;
        if (generator is null) _loaded.TryRemove((tenantId, name), out _); // not trained yet, or erased: ask again next time
        return generator;
    }

    /// <summary>Drops every loaded network of a tenant (after its erasure).</summary>
    public void Forget(string tenantId)
    {
        foreach (var key in _loaded.Keys.Where(k => k.Tenant == tenantId)) _loaded.TryRemove(key, out _);
    }

    private async Task<bool> StillStoredAsync(string tenantId, string name, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TrainingDbContext>().Models.AnyAsync(m => m.TenantId == tenantId && m.Name == name, ct);
    }

    private async Task<TextGenerator?> LoadAsync(string tenantId, string name)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var model = await db.Models.AsNoTracking().SingleOrDefaultAsync(m => m.TenantId == tenantId && m.Name == name);
        if (model is null) return null;
        var vocabulary = new CharVocabulary(model.Vocabulary);
        var network = new CharLstm(new ModelShape(vocabulary.Size, model.EmbeddingSize, model.HiddenSize, model.Layers));
        WeightsCodec.Load(network, model.Weights);
        return new TextGenerator(network, vocabulary, model.ContextLength);
    }
}
