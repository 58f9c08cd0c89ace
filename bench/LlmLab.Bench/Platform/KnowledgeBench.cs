using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Npgsql;

namespace LlmLab.Bench.Platform;

/// <summary>
/// The knowledge base through the gateway: uploads of synthetic text documents (1,000 chunks each) until the tenant has
/// 100,000 chunks, timed as chunks indexed per second; then search latency (p50, p95) for bm25, dense and hybrid over
/// them, in rounds of sequential queries, medians printed.
/// </summary>
public static class KnowledgeBench
{
    private const int Documents = 100;
    private const int ChunksPerDocument = 1_000;
    private const int ChunkSize = 500;
    private const int Rounds = 3;
    private const int QueriesPerRound = 100;

    public static async Task RunAsync(RunningPlatform platform)
    {
        var words = Vocabulary(5_000);
        var random = new Random(42);
        var rates = new List<double>();
        var total = Stopwatch.StartNew();
        for (var d = 0; d < Documents; d++)
        {
            var text = Document(words, random);
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", $"bench-{d}.txt" },
                { new StringContent(ChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture)), "chunk_size" },
                { new StringContent("0"), "chunk_overlap" },
            };
            var started = Stopwatch.GetTimestamp();
            using var response = await platform.Client.PostAsync("/api/documents", form);
            var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"upload failed: {(int)response.StatusCode} {body}");
            rates.Add(body.GetProperty("chunks").GetInt32() / Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        var chunks = await CountAsync(platform, "SELECT count(*) FROM chunks");
        Console.WriteLine($"knowledge indexing: {chunks:N0} chunks in {total.Elapsed.TotalSeconds:N0} s; median {Median(rates):N0} chunks/s per upload " +
                          $"(min {rates.Min():N0}, max {rates.Max():N0}), overall {chunks / total.Elapsed.TotalSeconds:N0} chunks/s");

        // The dense index clusters in the background after uploads; wait until it has trained on at least half the vectors.
        var waited = Stopwatch.StartNew();
        while (await CountAsync(platform, "SELECT coalesce(max(trained_on_count), 0) FROM vector_index_states") < chunks / 2)
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("the IVF lists were not trained within 10 minutes");
            await Task.Delay(1_000);
        }
        var lists = await CountAsync(platform, "SELECT coalesce(max(lists), 0) FROM vector_index_states");
        Console.WriteLine($"knowledge dense index: {lists} IVF lists, trained {waited.Elapsed.TotalSeconds:N1} s after the last upload answered");

        foreach (var mode in new[] { "bm25", "dense", "hybrid" })
        {
            var p50s = new List<double>();
            var p95s = new List<double>();
            for (var round = 0; round < Rounds; round++)
            {
                var latencies = new List<double>();
                for (var q = 0; q < QueriesPerRound; q++)
                {
                    var query = string.Join(' ', Enumerable.Range(0, 3).Select(_ => words[Zipf(random, words.Length)]));
                    var started = Stopwatch.GetTimestamp();
                    using var response = await platform.Client.PostAsJsonAsync("/api/knowledge/search", new { query, mode, top_k = 10 });
                    response.EnsureSuccessStatusCode();
                    await response.Content.ReadAsByteArrayAsync();
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                latencies.Sort();
                p50s.Add(latencies[latencies.Count / 2]);
                p95s.Add(latencies[(int)(latencies.Count * 0.95)]);
            }
            Console.WriteLine($"knowledge search {mode,-6} over {chunks:N0} chunks, top 10: median p50 {Median(p50s):N1} ms, median p95 {Median(p95s):N1} ms " +
                              $"(p95 of rounds: {string.Join(" · ", p95s.Select(p => p.ToString("N1", System.Globalization.CultureInfo.InvariantCulture)))})");
        }
    }

    /// <summary>Pronounceable pseudo-words, so the vocabulary is fixed and large without shipping a word list.</summary>
    private static string[] Vocabulary(int size)
    {
        string[] syllables = ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "pe", "da", "zo", "ri", "fa", "gu", "be", "sha", "tor", "lin", "mar", "quo"];
        var random = new Random(7);
        return Enumerable.Range(0, size * 2)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => syllables[random.Next(syllables.Length)])))
            .Distinct().Take(size).ToArray();
    }

    private static string Document(string[] words, Random random)
    {
        var text = new StringBuilder(ChunksPerDocument * ChunkSize);
        while (text.Length < ChunksPerDocument * (ChunkSize - 40))
        {
            var length = random.Next(8, 16);
            for (var w = 0; w < length; w++) text.Append(w == 0 ? "" : " ").Append(words[Zipf(random, words.Length)]);
            text.Append(". ");
        }
        return text.ToString();
    }

    /// <summary>A word index drawn with a Zipf-like skew (frequent words frequent, a long tail), as in real text.</summary>
    private static int Zipf(Random random, int size) => (int)Math.Min(size - 1, Math.Floor(Math.Exp(random.NextDouble() * Math.Log(size + 1)) - 1));

    private static async Task<long> CountAsync(RunningPlatform platform, string sql)
    {
        await using var connection = new NpgsqlConnection(platform.Database("knowledgedb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
