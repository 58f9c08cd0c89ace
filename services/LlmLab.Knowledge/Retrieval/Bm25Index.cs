using System.Collections.Concurrent;
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
/// document keyed by its id, with its collection as a filter field. The index is a cache of PostgreSQL:
/// <see cref="IndexConsistency"/> rebuilds it when it is missing or disagrees.
/// </summary>
public sealed class Bm25Index(IOptions<KnowledgeOptions> options, IConfiguration configuration) : IDisposable
{
    private const string IdField = "chunk_id";
    private const string DocumentField = "document_id";
    private const string CollectionField = "collection";
    private const string TextField = "text";

    private readonly ConcurrentDictionary<string, Lazy<TenantIndex>> _tenants = new(StringComparer.Ordinal);

    public string Root { get; } = ResolveRoot(options.Value, configuration);

    /// <summary>Removes every chunk of <paramref name="removedDocuments"/> and adds (or replaces) <paramref name="added"/>, in one commit.</summary>
    public void Replace(string tenant, IEnumerable<Guid> removedDocuments, IEnumerable<IndexedChunk> added)
    {
        var index = For(tenant);
        foreach (var document in removedDocuments) index.Writer.DeleteDocuments(new Term(DocumentField, document.ToString("N")));
        foreach (var chunk in added) index.Writer.UpdateDocument(new Term(IdField, chunk.ChunkId.ToString("N")), ToLucene(chunk));
        index.Commit();
    }

    /// <summary>Replaces the whole index of a tenant with <paramref name="chunks"/>.</summary>
    public void Rebuild(string tenant, IEnumerable<IndexedChunk> chunks)
    {
        var index = For(tenant);
        index.Writer.DeleteAll();
        foreach (var chunk in chunks) index.Writer.AddDocument(ToLucene(chunk));
        index.Commit();
    }

    /// <summary>Deletes the tenant's index: closes it where it is open and removes its folder.</summary>
    public void Erase(string tenant)
    {
        if (_tenants.TryRemove(tenant, out var index) && index.IsValueCreated) index.Value.Dispose();
        var path = FolderOf(tenant);
        if (System.IO.Directory.Exists(path)) System.IO.Directory.Delete(path, recursive: true);
    }

    /// <summary>Whether the tenant has an index: reading never creates one (an erased tenant's folder stays gone).</summary>
    private bool Exists(string tenant) => _tenants.ContainsKey(tenant) || System.IO.Directory.Exists(FolderOf(tenant));

    /// <summary>Where the tenant's index lives on disk.</summary>
    public string FolderOf(string tenant) => Path.Combine(Root, TenantFolder.Of(tenant));

    public int Count(string tenant)
    {
        if (!Exists(tenant)) return 0;
        var index = For(tenant);
        var searcher = index.Searchers.Acquire();
        try
        {
            return searcher.IndexReader.NumDocs;
        }
        finally
        {
            index.Searchers.Release(searcher);
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

    private sealed class TenantIndex(LuceneDirectory directory, IndexWriter writer, SearcherManager searchers) : IDisposable
    {
        public IndexWriter Writer => writer;
        public SearcherManager Searchers => searchers;

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
            return new TenantIndex(directory, writer, new SearcherManager(writer, true, new Bm25SearcherFactory()));
        }

        public void Commit()
        {
            writer.Commit();
            searchers.MaybeRefreshBlocking();
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
