using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace LlmLab.Bench.Platform;

/// <summary>
/// The benchmark matrix: every shipped dataset × method through the gateway (one evaluation per dataset with every
/// method, so methods are paired on the same sampled items) → accuracy, latency p50/p95, tokens, cost and McNemar's p
/// against naive. Prints the table and writes it as Markdown (bench/results/evaluation-matrix.md).
/// With --rag the shipped articles are uploaded into a collection first, which the RAG methods and the agent search.
/// </summary>
public static class EvaluationMatrixBench
{
    private static readonly string[] Datasets = ["general-knowledge", "arithmetic", "two-hop"];

    public static async Task RunAsync(HttpClient client, int sampleSize, bool rag)
    {
        string[] methods = rag ? ["naive", "cot", "cot_few_shot", "rag", "rag_hybrid", "rag_rerank", "agent"] : ["naive", "cot", "cot_few_shot", "agent"];
        var list = await client.GetFromJsonAsync<JsonElement>("/api/datasets?page_size=100");
        // RAG and the agent's retrieve/lookup read the shipped articles: loaded into a collection of their own first.
        var collection = $"matrix-articles-{Guid.NewGuid():N}"[..24];
        if (rag) Console.WriteLine($"loaded the shipped articles: {await ShippedArticles.UploadAsync(client, collection)} chunks in '{collection}'");
        var rows = new List<string[]>();
        foreach (var name in Datasets)
        {
            var dataset = list.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("name").GetString() == name && d.GetProperty("builtin").GetBoolean());
            using var created = await client.PostAsJsonAsync("/api/evaluations", new
            {
                name = $"matrix {name}",
                dataset_id = dataset.GetProperty("id").GetString(),
                sample_size = sampleSize,
                seed = 1,
                methods = methods.Select(m => new { method = m, options = rag && (m.StartsWith("rag", StringComparison.Ordinal) || m == "agent") ? new { collection } : null }),
                parameters = new { temperature = 0, max_tokens = 64 },
            });
            var body = await created.Content.ReadAsStringAsync();
            if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"{name}: {(int)created.StatusCode} {body}");
            var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
            JsonElement evaluation;
            do
            {
                await Task.Delay(1000);
                evaluation = await client.GetFromJsonAsync<JsonElement>($"/api/evaluations/{id}");
            } while (evaluation.GetProperty("status").GetString() == "running");
            var comparison = await client.GetFromJsonAsync<JsonElement>($"/api/evaluations/{id}/comparison");
            foreach (var summary in evaluation.GetProperty("summary").EnumerateArray())
            {
                var label = summary.GetProperty("label").GetString()!;
                var vsNaive = comparison.GetProperty("pairs").EnumerateArray().FirstOrDefault(p => p.GetProperty("method_a").GetString() == "naive" && p.GetProperty("method_b").GetString() == label);
                rows.Add([
                    name, label, summary.GetProperty("n").ToString(),
                    Percent(summary.GetProperty("accuracy").GetProperty("exact_match")), Percent(summary.GetProperty("accuracy").GetProperty("f1")),
                    Number(summary.GetProperty("latency_ms").GetProperty("p50"), "0"), Number(summary.GetProperty("latency_ms").GetProperty("p95"), "0"),
                    summary.GetProperty("tokens").GetProperty("total").ToString(), Number(summary.GetProperty("cost_usd"), "0.0000"),
                    vsNaive.ValueKind == JsonValueKind.Undefined ? "—" : PValue(vsNaive.GetProperty("mcnemar_p")),
                ]);
            }
        }
        string[] header = ["dataset", "method", "n", "exact", "f1", "p50 ms", "p95 ms", "tokens", "cost $", "p vs naive"];
        var markdown = new StringBuilder()
            .AppendLine($"# Evaluation matrix ({DateTime.UtcNow:yyyy-MM-dd}, sample {sampleSize} per dataset, seed 1, temperature 0)")
            .AppendLine()
            .AppendLine("| " + string.Join(" | ", header) + " |")
            .AppendLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows) markdown.AppendLine("| " + string.Join(" | ", row) + " |");
        Console.WriteLine(markdown);
        var path = Path.Combine(RunningPlatform.RepoRoot(), "bench", "results", "evaluation-matrix.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, markdown.ToString());
        Console.WriteLine($"Written to {path}");
    }

    private static string Percent(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble().ToString("P1", CultureInfo.InvariantCulture) : "—";

    /// <summary>A p-value to four places; one too small for them is "&lt; 0.0001", never a p of zero.</summary>
    private static string PValue(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.GetDouble() < 0.00005 ? "< 0.0001" : Number(value, "0.0000");

    private static string Number(JsonElement value, string format) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble().ToString(format, CultureInfo.InvariantCulture) : "—";
}
