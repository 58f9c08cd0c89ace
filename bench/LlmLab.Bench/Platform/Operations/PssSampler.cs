using System.Diagnostics;

namespace LlmLab.Bench.Platform.Operations;

/// <summary>Samples a memory figure (PSS in MiB) at a fixed interval in the background until stopped.</summary>
public sealed class PssSampler : IDisposable
{
    private readonly List<(double Seconds, double MiB)> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private PssSampler(Func<double> read, TimeSpan every)
    {
        var watch = Stopwatch.StartNew();
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var sample = (watch.Elapsed.TotalSeconds, read());
                lock (_samples) _samples.Add(sample);
                await Task.Delay(every, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });
    }

    public static PssSampler Start(Func<double> read, TimeSpan every) => new(read, every);

    /// <summary>Stops sampling; answers every sample, the first taken at the start.</summary>
    public async Task<List<(double Seconds, double MiB)>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        lock (_samples) return [.. _samples];
    }

    public void Dispose() => _stop.Dispose();
}
