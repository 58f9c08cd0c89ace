using System.Net.Http.Json;
using System.Text.Json;

namespace LlmLab.Bench.Platform;

/// <summary>The shipped element articles (services/LlmLab.Evaluation/Builtin/articles) uploaded into a collection of their own.</summary>
public static class ShippedArticles
{
    public static string Builtin() => Path.Combine(RunningPlatform.RepoRoot(), "services", "LlmLab.Evaluation", "Builtin");

    public static List<string> Files() =>
        Directory.GetFiles(Path.Combine(Builtin(), "articles"), "*.txt").Order(StringComparer.Ordinal).ToList();

    /// <summary>Uploads every article, one at a time, titled by element ("Iron"); the number of chunks made.</summary>
    public static async Task<int> UploadAsync(HttpClient client, string collection)
    {
        var chunks = 0;
        foreach (var path in Files())
        {
            var name = Path.GetFileNameWithoutExtension(path);
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(await File.ReadAllBytesAsync(path)), "file", Path.GetFileName(path) },
                { new StringContent(char.ToUpperInvariant(name[0]) + name[1..]), "title" },
                { new StringContent(collection), "collection" },
            };
            using var response = await client.PostAsync("/api/documents", form);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"upload of {name} failed: {(int)response.StatusCode} {body}");
            chunks += body.GetProperty("chunks").GetInt32();
        }
        return chunks;
    }
}
