using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.Bench.Platform;
using LlmLab.LlmIntegration.Providers.Local;

namespace LlmLab.Bench;

/// <summary>
/// A training job (char-LSTM, through the platform) against the built-in n-gram engine on the same text: training time
/// and held-out perplexity per character. The n-gram side is the engine's own trigram counts (LocalLanguageModel) built
/// on the same training part, scored with fixed interpolation (0.6 trigram, 0.3 bigram, 0.1 add-one unigram); its
/// per-character figure divides the held-out tokens' total −ln p by the held-out characters (it does not have to predict
/// the spaces the tokenizer drops, which favours it slightly).
/// </summary>
public static class TrainingBench
{
    private const int Characters = 60_000;
    private const double HoldoutFraction = 0.1;

    public static async Task RunAsync()
    {
        var text = CorpusText()[..Characters];
        var holdoutLength = (int)Math.Round(text.Length * HoldoutFraction);
        var (train, holdout) = (text[..^holdoutLength], text[^holdoutLength..]);

        var watch = Stopwatch.StartNew();
        var ngram = new LocalLanguageModel([train]);
        var ngramSeconds = watch.Elapsed.TotalSeconds;
        var ngramPerplexity = Math.Exp(NatsPerCharacter(ngram, holdout));

        await using var platform = await RunningPlatform.StartAsync();
        var body = new { name = "bench-char-lstm", texts = new[] { text }, epochs = 8, batch_size = 32, learning_rate = 0.005,
            context_length = 64, embedding_size = 32, hidden_size = 128, layers = 1, holdout_fraction = HoldoutFraction, seed = 1 };
        var created = await platform.Client.PostAsJsonAsync("/api/training/jobs", body);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        JsonElement job;
        do
        {
            await Task.Delay(1000);
            job = await platform.Client.GetFromJsonAsync<JsonElement>($"/api/training/jobs/{id}");
        } while (job.GetProperty("status").GetString() is "queued" or "running");
        var report = await platform.Client.GetFromJsonAsync<JsonElement>($"/api/training/jobs/{id}/report");
        var final = report.GetProperty("final");
        Console.WriteLine($"training on {Characters} characters of the shipped corpus ({holdoutLength} held out), 2 cores shared:");
        Console.WriteLine($"  char-LSTM ({report.GetProperty("parameters").GetInt64()} parameters, {report.GetProperty("steps").GetInt32()} steps, " +
            $"status {job.GetProperty("status").GetString()}): {report.GetProperty("training_seconds").GetDouble():F1} s training, " +
            $"held-out perplexity {final.GetProperty("holdout_perplexity").GetDouble():F2} per character");
        Console.WriteLine($"  built-in n-gram engine (trigram counts): {ngramSeconds:F2} s to count, held-out perplexity {ngramPerplexity:F2} per character");
    }

    /// <summary>The built-in engine's own text (embedded in llm-integration), in a fixed order.</summary>
    private static string CorpusText()
    {
        var assembly = typeof(LocalLanguageModel).Assembly;
        return string.Join("\n\n", assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Corpus.", StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return reader.ReadToEnd();
            }));
    }

    private static double NatsPerCharacter(LocalLanguageModel model, string holdout)
    {
        var tokens = model.Frame(model.Vocabulary, holdout.Replace("\n\n", " "));
        var counts = model.Counts;
        var vocabulary = counts.Unigrams.Count + 1;
        double nats = 0;
        for (var i = 2; i < tokens.Length; i++)
        {
            var (u, v, w) = (tokens[i - 2], tokens[i - 1], tokens[i]);
            var unigram = (counts.Unigrams.GetValueOrDefault(w) + 1.0) / (counts.TotalTokens + vocabulary);
            var (p, weight) = (0.1 * unigram, 0.1);
            if (counts.Bigrams.TryGetValue(v, out var bi) && bi.Count > 0)
            {
                p += 0.3 * bi.GetValueOrDefault(w) / (double)bi.Values.Sum();
                weight += 0.3;
            }
            if (counts.Trigrams.TryGetValue(NGramCounts.Key(u, v), out var tri) && tri.Count > 0)
            {
                p += 0.6 * tri.GetValueOrDefault(w) / (double)tri.Values.Sum();
                weight += 0.6;
            }
            nats -= Math.Log(p / weight);
        }
        return nats / holdout.Length;
    }

}
