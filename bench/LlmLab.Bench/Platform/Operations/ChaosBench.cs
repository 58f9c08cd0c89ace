using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace LlmLab.Bench.Platform.Operations;

/// <summary>
/// Runs while a random service process is killed (SIGKILL) at a fixed interval; the AppHost restarts crashed processes.
/// Each run must end with exactly one stored result per call: counted through the API and in batchdb, with duplicates
/// (two rows for one work item) counted too.
/// </summary>
public static partial class ChaosBench
{
    /// <summary>The services on a batch run's path; not PostgreSQL, RabbitMQ or Redis (the AppHost restarts those too, but the issue asks for services).</summary>
    private static readonly HashSet<string> Victims = ["batch", "llm-integration", "quality-analysis", "analytics", "experiments", "identity", "gateway"];

    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(5);

    public static async Task RunAsync(RunningPlatform platform, int runs, int calls, TimeSpan killEvery)
    {
        Console.WriteLine($"== Chaos: {runs} runs of {calls:N0} calls (C=64, 500 ms), a random process of {string.Join(", ", Victims.Order())} killed every {killEvery.TotalSeconds:0} s (load average {PlatformProcesses.LoadAverage()})");
        var victims = new VictimBag(Victims, new Random(16));
        var rows = new List<IReadOnlyList<string>>();
        var exact = 0;
        for (var run = 1; run <= runs; run++)
        {
            await RunningPlatform.WaitHealthyAsync(platform.Client, DateTime.UtcNow.AddMinutes(3));
            var id = await BenchRun.CreateAsync(platform, "bench-slow", calls);
            var watch = Stopwatch.StartNew();
            await BenchRun.StartAsync(platform, id);
            using var stop = new CancellationTokenSource();
            var kills = new List<string>();
            var killer = KillAsync(platform, victims, killEvery, kills, watch, stop.Token);
            string status;
            double seconds;
            try
            {
                (status, seconds) = await BenchRun.WaitAsync(platform, id, StuckAfter);
            }
            catch (TimeoutException)
            {
                // A run that never ends is the finding: record it and go on with the next run.
                (status, seconds) = ($"not final after {StuckAfter.TotalMinutes:0} min", double.NaN);
            }
            await stop.CancelAsync();
            await killer;
            var wall = watch.Elapsed.TotalSeconds;
            await RunningPlatform.WaitHealthyAsync(platform.Client, DateTime.UtcNow.AddMinutes(3));
            var view = await StatusAsync(platform, id);
            var watched = platform.Resources().Where(r => Victims.Contains(Replica().Replace(r.Name, ""))).ToList();
            var back = $"{watched.Count(r => IsService(r.Pid))} of {watched.Count}";
            var apiResults = await ApiResultsAsync(platform, id);
            var (rowsInDb, workItems, duplicates) = await DatabaseResultsAsync(platform, id);
            if (apiResults == calls && rowsInDb == calls && duplicates == 0) exact++;
            rows.Add(
            [
                $"{run}", $"{kills.Count}: {string.Join(", ", kills)}", back, status,
                $"{view.GetProperty("completed_combinations").GetInt32():N0} / {view.GetProperty("failed_combinations").GetInt32():N0}",
                $"{apiResults:N0}", $"{rowsInDb:N0} ({workItems:N0} work items)", $"{duplicates}", $"{seconds:0} s (wall {wall:0} s)", PlatformProcesses.LoadAverage(),
            ]);
            Console.WriteLine($"   run {run}: {status}, {apiResults:N0} results through the API, {rowsInDb:N0} rows, {duplicates} duplicates, {kills.Count} kills, {seconds:0} s");
        }
        MarkdownTable.Print(["run", "kills (at s: process)", "services back after", "status", "items completed / failed", "completed items (API)", "rows in batchdb", "duplicates", "duration", "load average after"], rows);
        Console.WriteLine($"   {exact} of {runs} runs ended with exactly {calls:N0} results and no duplicates");
    }

    /// <summary>Kills a random victim every <paramref name="every"/>, the first half an interval into the run (so short runs see one too).</summary>
    private static async Task KillAsync(RunningPlatform platform, VictimBag victims, TimeSpan every, List<string> kills, Stopwatch watch, CancellationToken ct)
    {
        var next = every / 2;
        try
        {
            while (true)
            {
                var wait = next - watch.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                next += every;
                // Only live service processes: one the AppHost is still restarting has no process to kill.
                var live = platform.Resources().Where(r => Victims.Contains(Replica().Replace(r.Name, "")) && IsService(r.Pid)).ToList();
                if (victims.Next(live.Select(r => Replica().Replace(r.Name, "")).ToHashSet()) is not { } service) continue;
                var (name, pid) = live.First(r => Replica().Replace(r.Name, "") == service);
                try
                {
                    using var victim = Process.GetProcessById(pid);
                    victim.Kill(entireProcessTree: false);
                    kills.Add($"{watch.Elapsed.TotalSeconds:0}: {name}");
                }
                catch (ArgumentException)
                {
                    // it exited between the look-up and the kill
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the run finished
        }
    }

    /// <summary>Whether the process is still a platform service (a state file read during a restart may name a gone pid).</summary>
    private static bool IsService(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains("LlmLab.", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The run's status, asked again for up to a minute while a restarted gateway or batch comes back.</summary>
    private static async Task<JsonElement> StatusAsync(RunningPlatform platform, Guid id)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await BenchRun.TryStatusAsync(platform, id) is { } view) return view;
            if (attempt == 60) throw new InvalidOperationException($"Run {id}'s status was not answered for a minute.");
            await Task.Delay(1000);
        }
    }

    /// <summary>
    /// The run's completed items through the API (an item is completed in the transaction that stores its response). A
    /// batch run made without an experiment has no /api/responses/{experimentId} listing, so the rows are counted in batchdb.
    /// </summary>
    private static async Task<int> ApiResultsAsync(RunningPlatform platform, Guid runId)
    {
        var page = await platform.Client.GetFromJsonAsync<JsonElement>($"/api/experiments/batch/{runId}/items?status=completed&page=1&page_size=1");
        return page.GetProperty("total").GetInt32();
    }

    private static async Task<(long Rows, long WorkItems, long Duplicates)> DatabaseResultsAsync(RunningPlatform platform, Guid runId)
    {
        await using var connection = new NpgsqlConnection(platform.Database("batchdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*), count(DISTINCT work_item_id) FROM responses WHERE run_id = @run", connection);
        command.Parameters.AddWithValue("run", runId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (rows, items) = (reader.GetInt64(0), reader.GetInt64(1));
        return (rows, items, rows - items);
    }

    [GeneratedRegex("-[0-9]+$")]
    private static partial Regex Replica();
}
