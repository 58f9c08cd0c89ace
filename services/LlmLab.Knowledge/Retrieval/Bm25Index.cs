using System.Collections.Concurrent;
using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Extensions.Options;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace LlmLab.Knowledge.Retrieval;

/// <summary>
/// BM25 through Lucene.Net: one on-disk index per tenant (a folder named by the tenant's hash), each chunk a Lucene
/// document keyed by its id, with its collection as a filter field. The index is a cache of PostgreSQL: each commit
/// records the tenant's index generation it holds (<see cref="IndexSync.IndexConsistency"/> brings it up to date).
/// </summary>
public sealed class Bm25Index(IOptions<KnowledgeOptions> options, IConfiguration configuration) : IDisposable
{
    private const string IdField = "chunk_id";
    private const string DocumentField = "document_id";
    private const string CollectionField = "collection";
    private const string TextField = "text";
    private const string GenerationKey = "llmlab.generation";
    private const string TenantKey = "llmlab.tenant";

    /// <summary>The generation of an index that records none (written before generations, or never committed to).</summary>
    public const long UnknownGeneration = -1;

    private readonly ConcurrentDictionary<string, Lazy<TenantIndex>> _tenants = new(StringComparer.Ordinal);

    public string Root { get; } = ResolveRoot(options.Value, configuration);

    /// <summary>
    /// The tenant's index generation this index holds: 0 when the tenant has no index here (nothing written, or erased),
    /// <see cref="UnknownGeneration"/> when its last commit does not say.
    /// </summary>
    public long GenerationOf(string tenant) => Exists(tenant) ? For(tenant).Generation : 0;

    /// <summary>
    /// Removes every chunk of <paramref name="documents"/>, then adds <paramref name="chunks"/> (their searchable chunks
    /// now), in one commit that records <paramref name="generation"/>.
    /// </summary>
    public void Replace(string tenant, IReadOnlyCollection<Guid> documents, IEnumerable<IndexedChunk> chunks, long generation) =>
        Write(tenant, generation, writer =>
        {
            foreach (var document in documents) writer.DeleteDocuments(new Term(DocumentField, document.ToString("N")));
            foreach (var chunk in chunks) writer.UpdateDocument(new Term(IdField, chunk.ChunkId.ToString("N")), ToLucene(chunk));
        });

    /// <summary>Replaces the whole index of a tenant with <paramref name="chunks"/>, recording <paramref name="generation"/>.</summary>
    public void Rebuild(string tenant, IEnumerable<IndexedChunk> chunks, long generation) =>
        Write(tenant, generation, writer =>
        {
            writer.DeleteAll();
            foreach (var chunk in chunks) writer.AddDocument(ToLucene(chunk));
        });

    /// <summary>Deletes the tenant's index: closes it where it is open and removes its folder.</summary>
    public void Erase(string tenant)
    {
        if (_tenants.TryRemove(tenant, out var index) && index.IsValueCreated) index.Value.Dispose();
        var path = FolderOf(tenant);
        if (System.IO.Directory.Exists(path)) System.IO.Directory.Delete(path, recursive: true);
    }

    /// <summary>The tenants whose indexes this process has open.</summary>
    public IReadOnlyList<string> OpenTenants() => _tenants.Where(t => t.Value.IsValueCreated).Select(t => t.Key).ToList();

    /// <summary>The tenants whose indexes are on disk, as their last commits name them (older indexes name none).</summary>
    public IReadOnlyList<string> TenantsOnDisk()
    {
        if (!System.IO.Directory.Exists(Root)) return [];
        var tenants = new List<string>();
        foreach (var path in System.IO.Directory.EnumerateDirectories(Root))
        {
            using var directory = FSDirectory.Open(path);
            if (!DirectoryReader.IndexExists(directory)) continue;
            var commits = DirectoryReader.ListCommits(directory);
            if (commits[commits.Count - 1].UserData.TryGetValue(TenantKey, out var tenant)) tenants.Add(tenant);
        }
        return tenants;
    }

    /// <summary>Whether the tenant has an index: reading never creates one (an erased tenant's folder stays gone).</summary>
    private bool Exists(string tenant) => _tenants.ContainsKey(tenant) || System.IO.Directory.Exists(FolderOf(tenant));

    /// <summary>Where the tenant's index lives on disk.</summary>
    public string FolderOf(string tenant) => Path.Combine(Root, TenantFolder.Of(tenant));

    /// <summary>
    /// A change and its commit, or none of it: on failure the writer is rolled back and closed, so the folder keeps its
    /// last commit (and generation) and the next catch-up starts from there.
    /// </summary>
    private void Write(string tenant, long generation, Action<IndexWriter> change)
    {
        var index = For(tenant);
        try
        {
            change(index.Writer);
            index.Commit(tenant, generation);
        }
        catch
        {
            if (_tenants.TryRemove(tenant, out var failed) && failed.IsValueCreated) failed.Value.Abandon();
            throw;
        }
    }

    public IReadOnlyList<ScoredChunk> Search(string tenant, string query, string? collection, int topK)
    {
        var parsed = Parse(query);
        if (parsed is null || !Exists(tenant)) return [];
        Query effective = collection is null
            ? parsed
            : new FilteredQuery(parsed, new QueryWrapperFilter(new TermQuery(new Term(CollectionField, collection))));
        var index = For(tenant);
        var searcher = index.Searchers.Acquire();
        try
        {
            var hits = searcher.Search(effective, topK).ScoreDocs;
            return hits.Select(h => new ScoredChunk(Guid.ParseExact(searcher.Doc(h.Doc).Get(IdField), "N"), h.Score)).ToList();
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    /// <summary>The caller's words as terms (OR), every query-syntax character escaped; null when no term is left.</summary>
    private static Query? Parse(string query)
    {
        var parser = new QueryParser(Terms.Version, TextField, Terms.Analyzer) { DefaultOperator = Operator.OR };
        try
        {
            var parsed = parser.Parse(QueryParserBase.Escape(query));
            return parsed is BooleanQuery { Clauses.Count: 0 } ? null : parsed;
        }
        catch (ParseException)
        {
            return null;
        }
    }

    private static Document ToLucene(IndexedChunk chunk) =>
    [
        new StringField(IdField, chunk.ChunkId.ToString("N"), Field.Store.YES),
        new StringField(DocumentField, chunk.DocumentId.ToString("N"), Field.Store.NO),
        new StringField(CollectionField, chunk.Collection, Field.Store.NO),
        new TextField(TextField, chunk.Text, Field.Store.NO),
    ];

    private TenantIndex For(string tenant) =>
        _tenants.GetOrAdd(tenant, t => new Lazy<TenantIndex>(() => TenantIndex.Open(FolderOf(t)))).Value;

    private static string ResolveRoot(KnowledgeOptions options, IConfiguration configuration)
    {
        if (!string.IsNullOrEmpty(options.IndexDirectory)) return options.IndexDirectory;
        var data = configuration["Storage:DataDirectory"];
        return string.IsNullOrEmpty(data) ? Path.Combine(AppContext.BaseDirectory, "data", "lucene") : Path.Combine(data, "lucene");
    }

    public void Dispose()
    {
        foreach (var index in _tenants.Values.Where(l => l.IsValueCreated)) index.Value.Dispose();
    }

    private sealed class TenantIndex(LuceneDirectory directory, IndexWriter writer, SearcherManager searchers, long generation) : IDisposable
    {
        public IndexWriter Writer => writer;
        public SearcherManager Searchers => searchers;
        public long Generation { get; private set; } = generation;

        public static TenantIndex Open(string path)
        {
            System.IO.Directory.CreateDirectory(path);
            var directory = FSDirectory.Open(path);
            var config = new IndexWriterConfig(Terms.Version, Terms.Analyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                Similarity = new BM25Similarity(),
            };
            var writer = new IndexWriter(directory, config);
            writer.Commit();
            // The writer starts with the user data of the last commit.
            var generation = writer.CommitData is { } data && data.TryGetValue(GenerationKey, out var text)
                && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : UnknownGeneration;
            return new TenantIndex(directory, writer, new SearcherManager(writer, true, new Bm25SearcherFactory()), generation);
        }

        public void Commit(string tenant, long generation)
        {
            writer.SetCommitData(new Dictionary<string, string>
            {
                [GenerationKey] = generation.ToString(CultureInfo.InvariantCulture),
                [TenantKey] = tenant,
            });
            writer.Commit();
            searchers.MaybeRefreshBlocking();
            Generation = generation;
        }

        /// <summary>Drops what was not committed and closes.</summary>
        public void Abandon()
        {
            searchers.Dispose();
            writer.Rollback();
            directory.Dispose();
        }

        public void Dispose()
        {
            searchers.Dispose();
            writer.Dispose();
            directory.Dispose();
        }
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
