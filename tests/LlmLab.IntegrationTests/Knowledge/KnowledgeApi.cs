using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests.Knowledge;

/// <summary>The knowledge base through the gateway: uploads, documents and search.</summary>
public sealed class KnowledgeApi(HttpClient client)
{
    public HttpClient Client => client;

    public Task<HttpResponseMessage> UploadRawAsync(byte[] content, string fileName, string? collection, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (collection is not null) form.Add(new StringContent(collection), "collection");
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return client.PostAsync("/api/documents", form);
    }

    public async Task<JsonElement> UploadAsync(byte[] content, string fileName, string collection, params (string Name, string Value)[] fields) =>
        await PlatformApi.ReadAsync(await UploadRawAsync(content, fileName, collection, fields), HttpStatusCode.Created);

    public async Task<JsonElement> SearchAsync(string query, string? collection, string mode, int topK = 5, bool rerank = false) =>
        await PlatformApi.ReadAsync(await client.PostAsJsonAsync("/api/knowledge/search", new { query, collection, mode, top_k = topK, rerank }),
            HttpStatusCode.OK);

    /// <summary>The document ids of a search's results, best first.</summary>
    public async Task<List<Guid>> DocumentsFoundAsync(string query, string? collection, string mode, int topK = 5) =>
        (await SearchAsync(query, collection, mode, topK)).GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("document_id").GetGuid()).ToList();
}
