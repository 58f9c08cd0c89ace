using System.Diagnostics;
using StackExchange.Redis;

namespace LlmLab.IntegrationTests.Platform;

/// <summary>
/// What an attacker with a copy of the stores would see: every Redis value and a pg_dump of every database. Reached
/// with the connection strings the AppHost gave the running services (read from their process environment), so the
/// tests use whatever credentials the platform generated.
/// </summary>
public sealed class PlatformStores(PlatformFixture platform)
{
    public IReadOnlyDictionary<string, string> EnvironmentOf(string resource)
    {
        var pid = platform.ReadState()!.Resource(resource).Pid ?? throw new InvalidOperationException($"{resource} is not running");
        return File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Split('=', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Last()[1]);
    }

    public Task<ConnectionMultiplexer> ConnectRedisAsync()
    {
        var options = ConfigurationOptions.Parse(EnvironmentOf("llm-integration")["ConnectionStrings__redis"]);
        options.AllowAdmin = true; // SCAN of every key and CONFIG GET databases
        return ConnectionMultiplexer.ConnectAsync(options);
    }

    /// <summary>Every key of every Redis database with all its values as text (strings, hashes, lists, sets, sorted sets, streams).</summary>
    public static async Task<Dictionary<string, string>> DumpRedisAsync(ConnectionMultiplexer redis)
    {
        var dump = new Dictionary<string, string>();
        var server = redis.GetServers().Single();
        var databases = (await server.ConfigGetAsync("databases")).Select(c => int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(16).First();
        for (var index = 0; index < databases; index++)
        {
            var db = redis.GetDatabase(index);
            await foreach (var key in server.KeysAsync(index, pageSize: 500))
            {
                dump[$"{index}/{key}"] = await db.KeyTypeAsync(key) switch
                {
                    RedisType.String => (await db.StringGetAsync(key)).ToString(),
                    RedisType.Hash => string.Join("\n", (await db.HashGetAllAsync(key)).Select(e => $"{e.Name}={e.Value}")),
                    RedisType.List => string.Join("\n", await db.ListRangeAsync(key)),
                    RedisType.Set => string.Join("\n", await db.SetMembersAsync(key)),
                    RedisType.SortedSet => string.Join("\n", await db.SortedSetRangeByRankAsync(key)),
                    RedisType.Stream => string.Join("\n", (await db.StreamRangeAsync(key)).SelectMany(e => e.Values).Select(v => $"{v.Name}={v.Value}")),
                    var other => $"(type {other})",
                };
            }
        }
        return dump;
    }

    /// <summary>pg_dump of every database a service of the platform uses, by database name.</summary>
    public async Task<Dictionary<string, string>> DumpDatabasesAsync()
    {
        var connectionStrings = platform.ReadState()!.Resources.Where(r => r is { Kind: "project", Pid: not null })
            .SelectMany(r => EnvironmentOf(r.Name))
            .Where(e => e.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && e.Value.Contains("Database=", StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Value).Distinct().ToList();
        var dumps = new Dictionary<string, string>();
        foreach (var connectionString in connectionStrings)
        {
            var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
                .ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
            var start = new ProcessStartInfo(PgDump()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add($"--host={parts["host"]}");
            start.ArgumentList.Add($"--port={parts["port"]}");
            start.ArgumentList.Add($"--username={parts.GetValueOrDefault("username") ?? parts["user id"]}");
            start.ArgumentList.Add("--no-password");
            start.ArgumentList.Add(parts["database"]);
            if (parts.GetValueOrDefault("password") is { } password) start.Environment["PGPASSWORD"] = password;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"pg_dump {parts["database"]}: {await error}");
            dumps[parts["database"]] = await output;
        }
        return dumps;
    }

    private static string PgDump() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_dump")).Where(File.Exists).OrderDescending().FirstOrDefault() ?? "pg_dump"
            : "pg_dump";
}
