using System.Net;
using LlmLab.Cli.Platform;

namespace LlmLab.Cli.Running;

/// <summary>Polls a run's status until it ends, reporting each observation; a gateway briefly answering 502/503 is waited out.</summary>
public static class RunWatcher
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    public static async Task<ProgressUpdate> WaitAsync(string what, Func<CancellationToken, Task<ProgressUpdate>> read, Action<ProgressUpdate> report,
        DateTimeOffset deadline, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                var update = await read(ct);
                report(update);
                if (update.IsFinal) return update;
            }
            catch (PlatformException e) when (e.Status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable && DateTimeOffset.UtcNow < deadline)
            {
                // A service restarting behind the gateway: the run continues, so keep watching.
            }
            if (DateTimeOffset.UtcNow > deadline)
                throw new PlatformException(null, $"{what} had not finished by the time limit (timeout_seconds); it keeps running on the platform.");
            await Task.Delay(Interval, ct);
        }
    }
}
