using LlmLab.Knowledge.Domain;
using LlmLab.Knowledge.IndexSync;
using LlmLab.Knowledge.Retrieval;

namespace LlmLab.UnitTests.Knowledge;

/// <summary>
/// PostgreSQL's side of the index generation in memory: documents with their chunks, the tenant's generation and change
/// log, written as the service's writers write them (one bump per write, naming the documents it changed). Counts reads.
/// </summary>
internal sealed class FakeIndexSource : IIndexSource
{
    private readonly Dictionary<Guid, (bool Current, List<IndexedChunk> Chunks)> _documents = [];
    private readonly List<IndexChange> _log = [];
    private long _sequence = 100;

    public long Generation { get; private set; }
    public int ChangeReads { get; private set; }
    public int FullReads { get; private set; }
    public int PartialReads { get; private set; }
    /// <summary>Held while a change log is read, so concurrent callers pile up behind one catch-up.</summary>
    public TimeSpan ChangeReadDelay { get; set; }

    /// <summary>An upload: the document becomes current with one chunk of text, the title's previous version stops being.</summary>
    public Guid Upload(string text, Guid? replaces = null)
    {
        var id = Guid.NewGuid();
        _documents[id] = (true, [new IndexedChunk(Guid.NewGuid(), id, "c", text)]);
        if (replaces is { } old) _documents[old] = (false, _documents[old].Chunks);
        Bump(replaces is { } previous ? [id, previous] : [id]);
        return id;
    }

    /// <summary>A delete; <paramref name="promote"/> is the version that becomes current again.</summary>
    public void Delete(Guid id, Guid? promote = null)
    {
        _documents.Remove(id);
        if (promote is { } next) _documents[next] = (true, _documents[next].Chunks);
        Bump(promote is { } p ? [id, p] : [id]);
    }

    /// <summary>Tenant erasure: rows, generation and log all go.</summary>
    public void Erase()
    {
        _documents.Clear();
        _log.Clear();
        Generation = 0;
    }

    /// <summary>Retention: log entries up to this generation are pruned.</summary>
    public void PruneThrough(long generation) => _log.RemoveAll(c => c.Generation <= generation);

    public Task<long> GenerationAsync(string tenant, CancellationToken ct) => Task.FromResult(Generation);

    public async Task<IReadOnlyList<IndexChange>> ChangesAsync(string tenant, long after, long upTo, CancellationToken ct)
    {
        ChangeReads++;
        if (ChangeReadDelay > TimeSpan.Zero) await Task.Delay(ChangeReadDelay, ct);
        return _log.Where(c => c.Generation > after && c.Generation <= upTo).OrderBy(c => c.Generation).ToList();
    }

    public Task<IReadOnlyList<IndexedChunk>> CurrentChunksAsync(string tenant, IReadOnlyCollection<Guid>? documents, CancellationToken ct)
    {
        if (documents is null) FullReads++;
        else PartialReads++;
        IReadOnlyList<IndexedChunk> chunks = _documents.Where(d => d.Value.Current && (documents is null || documents.Contains(d.Key)))
            .SelectMany(d => d.Value.Chunks).ToList();
        return Task.FromResult(chunks);
    }

    private void Bump(List<Guid> documents)
    {
        var next = _sequence += 7;
        _log.Add(new IndexChange { TenantId = "t", Generation = next, PreviousGeneration = Generation, DocumentIds = documents, RecordedAt = DateTimeOffset.UnixEpoch });
        Generation = next;
    }
}
