using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace LlmLab.Cli.Platform;

/// <summary>Calls the gateway with the API key; a refusal becomes a <see cref="PlatformException"/> carrying the problem's fields.</summary>
public sealed class PlatformClient(HttpClient http) : IDisposable
{
    public const int PageSize = 200;

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static PlatformClient Create(Connection connection)
    {
        var http = new HttpClient { BaseAddress = connection.Url, Timeout = TimeSpan.FromSeconds(100) };
        http.DefaultRequestHeaders.Add("X-Api-Key", connection.ApiKey);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("llmlab-cli/" + typeof(PlatformClient).Assembly.GetName().Version);
        return new PlatformClient(http);
    }

    public Uri BaseAddress => http.BaseAddress!;

    public Task<JsonElement> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Get, path, null, ct);

    public Task<JsonElement> PostAsync(string path, object? body, CancellationToken ct) => SendAsync(HttpMethod.Post, path, body, ct);

    public Task<JsonElement> PutAsync(string path, object? body, CancellationToken ct) => SendAsync(HttpMethod.Put, path, body, ct);

    /// <summary>The answer's status and body (null when empty) for the statuses the caller handles itself; others throw.</summary>
    public async Task<(HttpStatusCode Status, JsonElement? Body)> TryAsync(HttpMethod method, string path, object? body, CancellationToken ct,
        params HttpStatusCode[] handled)
    {
        using var response = await RawAsync(Request(method, path, body), ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode && !handled.Contains(response.StatusCode)) throw Refusal(method, path, response.StatusCode, text);
        return (response.StatusCode, text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        var (_, answer) = await TryAsync(method, path, body, ct);
        return answer ?? default;
    }

    public async Task<JsonElement> PostFileAsync(string path, string file, IReadOnlyDictionary<string, string> fields, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(file, ct));
        content.Headers.ContentType = new(ContentTypeOf(file));
        form.Add(content, "file", Path.GetFileName(file));
        foreach (var (name, value) in fields) form.Add(new StringContent(value, Encoding.UTF8), name);
        using var response = await RawAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = form }, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw Refusal(HttpMethod.Post, path, response.StatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Every item of a list endpoint, following pages when the answer is a page, in one call when it is an array.</summary>
    public async Task<List<JsonElement>> ListAllAsync(string path, CancellationToken ct)
    {
        var all = new List<JsonElement>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var page = 1; ; page++)
        {
            var answer = await GetAsync($"{path}{separator}page={page}&page_size={PageSize}", ct);
            var items = JsonList.Items(answer);
            all.AddRange(items);
            if (JsonList.Total(answer) is not { } total || all.Count >= total || items.Count == 0) return all;
        }
    }

    /// <summary>Streams an answer (an export) into <paramref name="target"/> without holding it in memory.</summary>
    public async Task CopyToAsync(HttpMethod method, string path, object? body, Stream target, CancellationToken ct)
    {
        using var response = await RawAsync(Request(method, path, body), ct, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode) throw Refusal(method, path, response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        await response.Content.CopyToAsync(target, ct);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, object? body) =>
        new(method, path) { Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Json) };

    private async Task<HttpResponseMessage> RawAsync(HttpRequestMessage request, CancellationToken ct,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using (request)
        {
            try
            {
                return await http.SendAsync(request, completion, ct);
            }
            catch (HttpRequestException e)
            {
                throw new PlatformException(null, $"cannot reach the gateway at {http.BaseAddress}: {e.Message}");
            }
            catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
            {
                throw new PlatformException(null, $"the gateway at {http.BaseAddress} did not answer {request.RequestUri} in time: {e.Message}");
            }
        }
    }

    private static PlatformException Refusal(HttpMethod method, string path, HttpStatusCode status, string text) =>
        new(status, $"{method} {path}: {(int)status} {status}: {ProblemText.Describe(text)}");

    private static string ContentTypeOf(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".csv" => "text/csv",
        ".jsonl" or ".ndjson" => "application/x-ndjson",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };

    public void Dispose() => http.Dispose();
}
