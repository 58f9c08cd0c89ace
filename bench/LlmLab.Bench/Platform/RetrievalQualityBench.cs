using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace LlmLab.Bench.Platform;

/// <summary>
/// The knowledge base on the shipped material, through the gateway: uploads the shipped element articles
/// (services/LlmLab.Evaluation/Builtin/articles, made by tools/datasets/generate.py) into a collection of their own, one
/// at a time (documents/s, chunks/s), then asks every shipped general-knowledge and two-hop question once per mode (bm25, dense,
/// hybrid; top 5, sequential) and prints latency p50/p95 and recall@5 and MRR@5. A result holds the answer's supporting
/// fact when it comes from the fact's article or contains its sentence (the evaluation service's retrieval-hit rule).
/// </summary>
public static class RetrievalQualityBench
{
    private const int TopK = 5;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task RunAsync(HttpClient client)
    {
        var builtin = ShippedArticles.Builtin();
        var articles = ShippedArticles.Files();
        var collection = $"bench-articles-{Guid.NewGuid():N}"[..24];

        var clock = Stopwatch.StartNew();
        var chunks = await ShippedArticles.UploadAsync(client, collection);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"knowledge indexing, shipped articles: {articles.Count} documents ({chunks} chunks, " +
                          $"{articles.Sum(a => new FileInfo(a).Length) / 1024.0:N0} KiB) in {seconds:N2} s, one upload at a time: " +
                          $"{articles.Count / seconds:N1} documents/s, {chunks / seconds:N1} chunks/s");

        foreach (var dataset in new[] { "general-knowledge", "two-hop" }) await AskAsync(client, builtin, dataset, collection);
    }

    /// <summary>
    /// recall@5 is the share of an item's supporting facts found in the top 5 (a two-hop question has two, from two
    /// articles), averaged over items; MRR@5 uses the first result holding any of them; "all@5" counts items whose every
    /// fact was found.
    /// </summary>
    private static async Task AskAsync(HttpClient client, string builtin, string dataset, string collection)
    {
        using var questions = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(builtin, $"{dataset}.json")));
        var items = questions.RootElement.GetProperty("items").EnumerateArray().ToList();
        Console.WriteLine($"knowledge retrieval, {items.Count} shipped {dataset} questions, top {TopK}, sequential:");
        Console.WriteLine("| mode | p50 ms | p95 ms | recall@5 | all@5 | MRR@5 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var mode in new[] { "bm25", "dense", "hybrid" })
        {
            var latencies = new List<double>(items.Count);
            var (recall, complete, reciprocal) = (0.0, 0, 0.0);
            foreach (var item in items)
            {
                var query = item.GetProperty("question").GetString()!;
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsJsonAsync("/api/knowledge/search", new { query, collection, mode, top_k = TopK });
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"search failed: {(int)response.StatusCode} {body}");
                var results = body.GetProperty("results").EnumerateArray().ToList();
                var facts = item.GetProperty("supporting_facts").EnumerateArray().ToList();
                var found = facts.Count(fact => results.Any(result => Holds(result, fact)));
                recall += facts.Count == 0 ? 0 : (double)found / facts.Count;
                if (facts.Count > 0 && found == facts.Count) complete++;
                var rank = results.FindIndex(result => facts.Any(fact => Holds(result, fact))) + 1;
                if (rank > 0) reciprocal += 1.0 / rank;
            }
            latencies.Sort();
            Console.WriteLine(string.Create(Invariant, $"| {mode} | {latencies[latencies.Count / 2]:N1} | {latencies[(int)Math.Ceiling(latencies.Count * 0.95) - 1]:N1} | " +
                                                       $"{recall / items.Count:N3} | {(double)complete / items.Count:N3} | {reciprocal / items.Count:N3} |"));
        }
    }

    private static bool Holds(JsonElement result, JsonElement fact)
    {
        var title = result.GetProperty("document_title").GetString() ?? "";
        var text = result.GetProperty("text").GetString() ?? "";
        var factTitle = fact.GetProperty("title").GetString() ?? "";
        var factText = fact.GetProperty("text").GetString() ?? "";
        return (factTitle.Length > 0 && string.Equals(factTitle, title, StringComparison.OrdinalIgnoreCase))
               || (factText.Length > 0 && text.Contains(factText, StringComparison.OrdinalIgnoreCase));
    }
}
