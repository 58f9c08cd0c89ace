using System.Diagnostics;
using Grpc.Net.Client;
using LlmLab.Contracts.Quality;
using LlmLab.Quality.Metrics;

namespace LlmLab.Bench;

/// <summary>Responses scored per second per core: in-process (one thread) and through gRPC ScoreBatch (a real service process).</summary>
public static class QualityBench
{
    private const int Rounds = 5;

    public static async Task RunAsync()
    {
        var texts = Texts.TwoHundredWords(500);
        Console.WriteLine($"quality: {texts.Count} texts of 200 words, heuristic set, {Environment.ProcessorCount} cores");

        foreach (var text in texts.Take(50)) QualityScorer.Score(new ScoreInput(text, Texts.Prompt, [], 256, "stop"));   // warm-up
        var rates = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            var scored = 0;
            while (watch.Elapsed < TimeSpan.FromSeconds(2))
            {
                foreach (var text in texts) QualityScorer.Score(new ScoreInput(text, Texts.Prompt, [], 256, "stop"));
                scored += texts.Count;
            }
            rates.Add(scored / watch.Elapsed.TotalSeconds);
        }
        QualityBreakdown.Run(texts);
        Console.WriteLine($"quality in-process: median {Texts.Median(rates):F0} responses/s on one core (rounds: {string.Join(", ", rates.Select(r => r.ToString("F0")))}); target 5000");

        await using var service = await ServiceProcess.StartServiceAsync("LlmLab.Quality", new Dictionary<string, string>());
        using var channel = service.OpenChannel();
        var client = new QualityService.QualityServiceClient(channel);
        var request = new ScoreBatchRequest();
        request.Items.Add(texts.Take(100).Select(t => new ScoreRequest { Text = t, Prompt = Texts.Prompt, MaxTokens = 256, FinishReason = "stop" }));
        for (var i = 0; i < 20; i++) await client.ScoreBatchAsync(request);   // warm-up
        var grpcRates = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            var scored = 0;
            while (watch.Elapsed < TimeSpan.FromSeconds(3))
            {
                // Two callers in flight so the service can use both cores.
                await Task.WhenAll(client.ScoreBatchAsync(request).ResponseAsync, client.ScoreBatchAsync(request).ResponseAsync);
                scored += 2 * request.Items.Count;
            }
            grpcRates.Add(scored / watch.Elapsed.TotalSeconds);
        }
        var median = Texts.Median(grpcRates);
        Console.WriteLine($"quality gRPC ScoreBatch (100 per call, 2 in flight): median {median:F0} responses/s total, {median / Environment.ProcessorCount:F0} per core (client shares the machine)");
    }
}
