using LlmLab.Knowledge;
using LlmLab.Knowledge.IndexSync;
using LlmLab.Knowledge.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LlmLab.UnitTests.Knowledge;

/// <summary>
/// A replica's BM25 index (real Lucene on a temporary folder) catching up with writes another replica made: the stored
/// generation and change log come from <see cref="FakeIndexSource"/>.
/// </summary>
public sealed class IndexConsistencyTests : IDisposable
{
    private const string Tenant = "t";
    private const string Ocelot = "The ocelot sleeps in the canopy.";
    private const string Tapir = "The tapir browses the forest floor.";
    private readonly string _root = Directory.CreateTempSubdirectory("llmlab-bm25-").FullName;
    private readonly FakeIndexSource _source = new();
    private Bm25Index _index;
    private IndexConsistency _consistency;

    public IndexConsistencyTests()
    {
        _index = OpenIndex();
        _consistency = new IndexConsistency(_index, NullLogger<IndexConsistency>.Instance);
    }

    private Bm25Index OpenIndex() =>
        new(Options.Create(new KnowledgeOptions { IndexDirectory = _root }), new ConfigurationBuilder().Build());

    private async Task<List<Guid>> SearchAsync(string query)
    {
        await _consistency.EnsureAsync(_source, Tenant, CancellationToken.None);
        return _index.Search(Tenant, query, null, 10).Select(s => s.ChunkId).ToList();
    }

    private async Task<bool> FoundAsync(string query) => (await SearchAsync(query)).Count > 0;

    [Fact]
    public async Task Uploads_new_versions_and_deletes_by_another_replica_are_applied_document_by_document()
    {
        var v1 = _source.Upload(Ocelot);
        Assert.True(await FoundAsync("ocelot"));

        var v2 = _source.Upload(Tapir, replaces: v1);
        Assert.False(await FoundAsync("ocelot"));
        Assert.True(await FoundAsync("tapir"));

        _source.Delete(v2, promote: v1);
        Assert.True(await FoundAsync("ocelot"));
        Assert.False(await FoundAsync("tapir"));

        Assert.Equal(_source.Generation, _index.GenerationOf(Tenant));
        Assert.Equal((0, 3), (_source.FullReads, _source.PartialReads));
    }

    [Fact]
    public async Task A_search_of_an_index_at_the_stored_generation_reads_nothing_but_the_generation()
    {
        _source.Upload(Ocelot);
        Assert.True(await FoundAsync("ocelot"));
        var reads = (_source.ChangeReads, _source.FullReads, _source.PartialReads);

        Assert.True(await FoundAsync("ocelot"));
        Assert.False(await FoundAsync("tapir"));

        Assert.Equal(reads, (_source.ChangeReads, _source.FullReads, _source.PartialReads));
    }

    [Fact]
    public async Task An_index_behind_a_pruned_log_is_rebuilt_from_the_current_chunks()
    {
        var v1 = _source.Upload(Ocelot);
        Assert.True(await FoundAsync("ocelot"));
        _source.Upload(Tapir, replaces: v1);
        _source.Upload("The okapi hides in dense rainforest.");
        _source.PruneThrough(_source.Generation - 1);

        Assert.False(await FoundAsync("ocelot"));
        Assert.True(await FoundAsync("tapir"));
        Assert.True(await FoundAsync("okapi"));
        Assert.Equal(1, _source.FullReads);
    }

    [Fact]
    public async Task A_tenant_erased_elsewhere_loses_its_folder_here_and_a_later_upload_is_found_alone()
    {
        _source.Upload(Ocelot);
        Assert.True(await FoundAsync("ocelot"));

        _source.Erase();
        Assert.False(await FoundAsync("ocelot"));
        Assert.False(Directory.Exists(_index.FolderOf(Tenant)));
        Assert.Equal(0, _index.GenerationOf(Tenant));

        _source.Upload(Tapir);
        Assert.True(await FoundAsync("tapir"));
        Assert.False(await FoundAsync("ocelot"));
    }

    [Fact]
    public async Task A_restarted_replica_reads_its_generation_from_the_last_commit_and_catches_up_from_there()
    {
        _source.Upload(Ocelot);
        Assert.True(await FoundAsync("ocelot"));
        Restart();
        Assert.Equal(_source.Generation, _index.GenerationOf(Tenant));

        _source.Upload(Tapir);
        Assert.True(await FoundAsync("tapir"));
        Assert.True(await FoundAsync("ocelot"));
        Assert.Equal(0, _source.FullReads);
    }

    [Fact]
    public async Task An_index_that_records_no_generation_is_rebuilt_once()
    {
        _source.Upload(Ocelot);
        // An index written before generations: a folder with a commit that names none.
        Directory.CreateDirectory(_index.FolderOf(Tenant));
        using (var directory = Lucene.Net.Store.FSDirectory.Open(_index.FolderOf(Tenant)))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(Terms.Version, Terms.Analyzer)))
        {
            writer.Commit();
        }
        Assert.Equal(Bm25Index.UnknownGeneration, _index.GenerationOf(Tenant));

        Assert.True(await FoundAsync("ocelot"));
        Assert.True(await FoundAsync("ocelot"));
        Assert.Equal(1, _source.FullReads);
    }

    [Fact]
    public async Task Concurrent_searches_of_a_tenant_behind_wait_for_one_catch_up()
    {
        _source.Upload(Ocelot);
        _source.ChangeReadDelay = TimeSpan.FromMilliseconds(200);

        var found = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => SearchAsync("ocelot"))));

        Assert.All(found, f => Assert.Single(f));
        Assert.Equal(1, _source.ChangeReads);
        Assert.Equal(1, _source.PartialReads);
    }

    private void Restart()
    {
        _index.Dispose();
        _index = OpenIndex();
        _consistency = new IndexConsistency(_index, NullLogger<IndexConsistency>.Instance);
    }

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
