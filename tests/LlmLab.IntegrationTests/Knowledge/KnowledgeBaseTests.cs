using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using LlmLab.Contracts.Knowledge;
using LlmLab.IntegrationTests.Platform;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;

namespace LlmLab.IntegrationTests.Knowledge;

/// <summary>The knowledge base end to end through the gateway: real files of every type, search, tenants, versions, delete.</summary>
[Collection(PlatformCollection.Name)]
public class KnowledgeBaseTests(PlatformFixture platform)
{
    private readonly KnowledgeApi _api = new(platform.CreateClient(PlatformFixture.KnowledgeApiKey));

    private static string NewCollection() => $"kb-{Guid.NewGuid():N}"[..16];

    [Fact]
    public async Task Files_of_every_type_are_typed_by_content_chunked_with_pages_and_found_by_every_mode()
    {
        var collection = NewCollection();
        // Names that lie about the type: the content decides.
        var pdf = await _api.UploadAsync(TestFiles.Pdf("Aardvarks dig burrows at night in the savanna.", "Pangolins eat ants with long sticky tongues."),
            "animals.txt", collection);
        var docx = await _api.UploadAsync(TestFiles.Docx("Quarterly budget review.", "The spectrograph calibration costs rose sharply."), "budget.bin", collection);
        var html = await _api.UploadAsync(TestFiles.Utf8(
            "<!DOCTYPE html><html><head><title>Harbour</title><script>var hidden = 'zeppelinmarker';</script><style>p{color:red}</style></head>" +
            "<body><h1>Harbour guide</h1><p>Lighthouse keepers log every passing trawler.</p></body></html>"), "harbour.md", collection);
        var markdown = await _api.UploadAsync(TestFiles.Utf8("# Volcanoes\n\nMagma chambers feed **stratovolcano** eruptions.\n\n- [USGS](https://usgs.gov)\n"),
            "volcanoes.html", collection);
        var text = await _api.UploadAsync(TestFiles.Utf8("Beekeepers inspect honeycomb frames every spring."), "bees.pdf", collection);

        Assert.Equal(("pdf", 2), (pdf.GetProperty("type").GetString(), pdf.GetProperty("pages").GetInt32()));
        Assert.Equal("docx", docx.GetProperty("type").GetString());
        Assert.Equal("html", html.GetProperty("type").GetString());
        Assert.Equal("markdown", markdown.GetProperty("type").GetString());
        Assert.Equal("text", text.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, text.GetProperty("pages").ValueKind);

        var pdfDetail = await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/documents/{Id(pdf)}"), HttpStatusCode.OK);
        var pages = pdfDetail.GetProperty("chunks").EnumerateArray().ToDictionary(c => c.GetProperty("page").GetInt32(), c => c.GetProperty("text").GetString()!);
        Assert.Contains("Aardvarks", pages[1], StringComparison.Ordinal);
        Assert.Contains("Pangolins", pages[2], StringComparison.Ordinal);
        var htmlText = string.Join(" ", (await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/documents/{Id(html)}"), HttpStatusCode.OK))
            .GetProperty("chunks").EnumerateArray().Select(c => c.GetProperty("text").GetString()));
        Assert.Contains("Lighthouse keepers", htmlText, StringComparison.Ordinal);
        Assert.DoesNotContain("zeppelinmarker", htmlText, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", htmlText, StringComparison.Ordinal);

        foreach (var mode in new[] { "bm25", "dense", "hybrid" })
        {
            Assert.Equal(Id(docx), (await _api.DocumentsFoundAsync("spectrograph calibration", collection, mode))[0]);
            Assert.Equal(Id(pdf), (await _api.DocumentsFoundAsync("pangolins tongues", collection, mode))[0]);
            Assert.Equal(Id(markdown), (await _api.DocumentsFoundAsync("stratovolcano magma", collection, mode))[0]);
            Assert.Equal(Id(text), (await _api.DocumentsFoundAsync("beekeepers honeycomb", collection, mode))[0]);
        }
        Assert.Empty(await _api.DocumentsFoundAsync("zeppelinmarker", collection, "bm25"));
        var reranked = await _api.SearchAsync("lighthouse trawler", collection, "hybrid", topK: 2, rerank: true);
        var best = reranked.GetProperty("results")[0];
        Assert.Equal(Id(html), best.GetProperty("document_id").GetGuid());
        Assert.Contains("Lighthouse", best.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(best.GetProperty("score").GetDouble() > 0);

        var list = await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/documents?collection={collection}&page_size=2"), HttpStatusCode.OK);
        Assert.Equal(5, list.GetProperty("total").GetInt32());
        Assert.Equal(2, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_grpc_api_retrieves_and_looks_up_for_the_tenant_in_the_signed_token_only()
    {
        var collection = NewCollection();
        var doc = await _api.UploadAsync(TestFiles.Utf8("Glaciers carve fjords over thousands of years."), "Glacier facts", collection);
        var grpcUrl = platform.ReadState()!.Resource("knowledge").GrpcUrl!;

        var client = new KnowledgeService.KnowledgeServiceClient(Channel(grpcUrl, "knowledge-a"));
        var reply = await client.RetrieveAsync(new RetrieveRequest { Query = "fjords glaciers", Collection = collection, Mode = "hybrid", TopK = 3 });
        Assert.Equal(Id(doc).ToString(), reply.Chunks[0].DocumentId);
        Assert.Equal("Glacier facts", reply.Chunks[0].DocumentTitle);
        var lookup = await client.LookupAsync(new LookupRequest { Title = "glacier FACTS", Collection = collection });
        Assert.True(lookup.Found);
        Assert.Contains("fjords", lookup.Text, StringComparison.Ordinal);
        var invalid = await Assert.ThrowsAsync<RpcException>(() => client.RetrieveAsync(new RetrieveRequest { Query = "x", Mode = "fuzzy", TopK = 3 }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.StartsWith("mode:", invalid.Status.Detail, StringComparison.Ordinal);

        var other = new KnowledgeService.KnowledgeServiceClient(Channel(grpcUrl, "knowledge-b"));
        Assert.Empty((await other.RetrieveAsync(new RetrieveRequest { Query = "fjords glaciers", Mode = "hybrid", TopK = 3 })).Chunks);
        Assert.False((await other.LookupAsync(new LookupRequest { Title = "Glacier facts" })).Found);
    }

    [Fact]
    public async Task Another_tenant_sees_none_of_the_documents()
    {
        var collection = NewCollection();
        var doc = await _api.UploadAsync(TestFiles.Docx("Ornithopters flap mechanical wings."), "ornithopter.docx", collection);
        var other = new KnowledgeApi(platform.CreateClient(PlatformFixture.KnowledgeOtherApiKey));

        await PlatformApi.ReadAsync(await other.Client.GetAsync($"/api/documents/{Id(doc)}"), HttpStatusCode.NotFound);
        await PlatformApi.ReadAsync(await other.Client.DeleteAsync($"/api/documents/{Id(doc)}"), HttpStatusCode.NotFound);
        Assert.Equal(0, (await PlatformApi.ReadAsync(await other.Client.GetAsync($"/api/documents?collection={collection}"), HttpStatusCode.OK))
            .GetProperty("total").GetInt32());
        foreach (var mode in new[] { "bm25", "dense", "hybrid" })
        {
            Assert.Empty(await other.DocumentsFoundAsync("ornithopters wings", null, mode));
        }
        // Still there for its owner.
        Assert.Equal(Id(doc), (await _api.DocumentsFoundAsync("ornithopters wings", collection, "bm25"))[0]);
    }

    [Fact]
    public async Task Reuploading_a_title_makes_a_new_version_and_delete_removes_it_from_every_index()
    {
        var collection = NewCollection();
        var first = await _api.UploadAsync(TestFiles.Utf8("The quokka colony lives on Rottnest island."), "island notes.txt", collection);
        var second = await _api.UploadAsync(TestFiles.Utf8("The wombat burrow network spans the valley."), "island notes.txt", collection);
        Assert.Equal((1, 2), (first.GetProperty("version").GetInt32(), second.GetProperty("version").GetInt32()));

        Assert.Empty(await _api.DocumentsFoundAsync("quokka Rottnest", collection, "bm25"));
        foreach (var mode in new[] { "bm25", "dense", "hybrid" })
        {
            // Dense retrieval always returns the nearest chunks, so the old version's absence is what shows.
            Assert.DoesNotContain(Id(first), await _api.DocumentsFoundAsync("quokka Rottnest", collection, mode));
            Assert.Equal([Id(second)], await _api.DocumentsFoundAsync("wombat burrow", collection, mode, topK: 1));
        }
        var history = await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/documents?collection={collection}&include_history=true"), HttpStatusCode.OK);
        Assert.Equal(2, history.GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await _api.Client.DeleteAsync($"/api/documents/{Id(second)}")).StatusCode);
        await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/documents/{Id(second)}"), HttpStatusCode.NotFound);
        foreach (var mode in new[] { "bm25", "dense", "hybrid" })
        {
            Assert.DoesNotContain(Id(second), await _api.DocumentsFoundAsync("wombat burrow", collection, mode));
            // The previous version is current again.
            Assert.Equal(Id(first), (await _api.DocumentsFoundAsync("quokka Rottnest", collection, mode))[0]);
        }
        Assert.Equal(HttpStatusCode.NoContent, (await _api.Client.DeleteAsync($"/api/documents/{Id(first)}")).StatusCode);
        foreach (var mode in new[] { "bm25", "dense", "hybrid" })
        {
            Assert.Empty(await _api.DocumentsFoundAsync("quokka Rottnest wombat", collection, mode));
        }
    }

    [Fact]
    public async Task Bad_files_and_settings_are_refused_naming_the_field_and_store_nothing()
    {
        var collection = NewCollection();
        var encrypted = await PlatformApi.ExpectProblemAsync(await _api.UploadRawAsync(TestFiles.EncryptedPdf(), "locked.pdf", collection),
            HttpStatusCode.UnprocessableEntity, "file");
        Assert.Contains("encrypted", encrypted.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await PlatformApi.ExpectProblemAsync(await _api.UploadRawAsync(TestFiles.CorruptPdf(), "broken.pdf", collection), HttpStatusCode.UnprocessableEntity, "file");
        await PlatformApi.ExpectProblemAsync(await _api.UploadRawAsync([0x00, 0xFF, 0x13, 0x37, 0x00, 0x9C], "blob.txt", collection),
            HttpStatusCode.UnsupportedMediaType, "file");
        await PlatformApi.ExpectProblemAsync(await _api.UploadRawAsync([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "fake.docx", collection),
            HttpStatusCode.UnsupportedMediaType, "file");
        await PlatformApi.ExpectProblemAsync(await _api.UploadRawAsync(TestFiles.Utf8("   \n  "), "blank.txt", collection), HttpStatusCode.UnprocessableEntity, "file");
        await PlatformApi.ExpectProblemAsync(await _api.UploadRawAsync(new byte[21 * 1024 * 1024], "huge.txt", collection),
            HttpStatusCode.RequestEntityTooLarge, "file");
        await PlatformApi.ExpectProblemAsync(await _api.UploadRawAsync(TestFiles.Utf8("fine text"), "a.txt", collection, ("chunk_size", "5")),
            HttpStatusCode.UnprocessableEntity, "chunk_size");
        await PlatformApi.ExpectProblemAsync(await _api.UploadRawAsync(TestFiles.Utf8("fine text"), "a.txt", collection, ("chunk_size", "many")),
            HttpStatusCode.UnprocessableEntity, "chunk_size");
        await PlatformApi.ExpectProblemAsync(await _api.UploadRawAsync(TestFiles.Utf8("fine text"), "a.txt", collection, ("chunk_size", "400"), ("chunk_overlap", "300")),
            HttpStatusCode.UnprocessableEntity, "chunk_overlap");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsync("/api/documents", new MultipartFormDataContent { { new StringContent("x"), "collection" } }),
            HttpStatusCode.UnprocessableEntity, "file");
        Assert.Equal(0, (await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/documents?collection={collection}&include_history=true"), HttpStatusCode.OK))
            .GetProperty("total").GetInt32());

        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/knowledge/search", new { query = "x", mode = "fuzzy" }),
            HttpStatusCode.UnprocessableEntity, "mode");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/knowledge/search", new { query = "x", top_k = 0 }),
            HttpStatusCode.UnprocessableEntity, "top_k");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/knowledge/search", new { query = " " }),
            HttpStatusCode.UnprocessableEntity, "query");
    }

    [Fact]
    public async Task Chunk_size_and_overlap_shape_the_chunks()
    {
        var sentences = string.Join(" ", Enumerable.Range(1, 60).Select(i => $"Sentence number {i} talks about item {i}."));
        var doc = await _api.UploadAsync(TestFiles.Utf8(sentences), "sentences.txt", NewCollection(), ("chunk_size", "200"), ("chunk_overlap", "50"));
        var detail = await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/documents/{Id(doc)}"), HttpStatusCode.OK);
        var chunks = detail.GetProperty("chunks").EnumerateArray().Select(c => c.GetProperty("text").GetString()!).ToList();
        Assert.Equal(doc.GetProperty("chunks").GetInt32(), chunks.Count);
        Assert.True(chunks.Count >= sentences.Length / 200, $"{chunks.Count} chunks");
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 200));
        // Consecutive chunks share text (the overlap).
        Assert.Contains(chunks[0][^20..], chunks[1], StringComparison.Ordinal);
    }

    private GrpcChannel Channel(string url, string tenant) => GrpcChannel.ForAddress(url, new GrpcChannelOptions
    {
        HttpHandler = SigningHandler.For(platform.InternalTokenKey, new CallerIdentity(tenant, "service:tests", InternalTokens.ServiceRole)),
    });

    private static Guid Id(JsonElement uploaded) => uploaded.GetProperty("id").GetGuid();
}
