using LlmLab.AppHost.Security;

namespace LlmLab.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL from Debian's binaries: initdb once into the data folder (SCRAM-SHA-256, the folder's password), pg_ctl
/// start on a free loopback port with Unix sockets off, pg_ctl stop (fast) at the end. PostgreSQL refuses to run as
/// root, so as root it runs as "postgres". A folder an older AppHost made with trust authentication is migrated in place.
/// </summary>
public sealed class PostgresServer(string dataRoot, string configuredBinDirectory, string password, PostgresTuning tuning, Action<string> log) : IInfrastructureServer
{
    private const string InstallCommand = "apt-get install -y postgresql";
    private string _binDirectory = "";
    private string _dataDirectory = "";
    private int _port;

    public string Name => "postgres";
    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username={PostgresAuthentication.SuperUser};Password={password}";
    public string Url => $"tcp://127.0.0.1:{_port}";
    public int? ProcessId => ReadPid();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _binDirectory = (configuredBinDirectory.Length > 0 ? ExistingBinDirectory(configuredBinDirectory) : FindBinDirectory()) ?? throw new MissingBinaryException("PostgreSQL (initdb, pg_ctl, postgres)", InstallCommand);
        _dataDirectory = await PrepareDataDirectoryAsync(cancellationToken);
        _port = Ports.Free();

        if (!File.Exists(Path.Combine(_dataDirectory, "PG_VERSION")))
        {
            log($"postgres: initialising {_dataDirectory}");
            await InitDbAsync(cancellationToken);
        }
        // A stale pid file from a killed AppHost would stop pg_ctl from starting.
        await RunAsync("pg_ctl", ["-D", _dataDirectory, "stop", "-m", "immediate"], cancellationToken, check: false);
        var migrate = !PostgresAuthentication.HbaIsCurrent(_dataDirectory);
        await LaunchAsync(cancellationToken);
        if (migrate) await MigrateToPasswordAsync(cancellationToken);
    }

    private async Task InitDbAsync(CancellationToken cancellationToken)
    {
        // initdb reads the superuser's password from a file; it gets the SCRAM verifier, never the password itself.
        var passwordFile = Path.GetTempFileName();
        try
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            await File.WriteAllTextAsync(passwordFile, PasswordVerifiers.PostgresScram(password), cancellationToken);
            if (Shell.IsRoot) await Shell.RunCheckedAsync("chown", [PostgresAuthentication.SuperUser, passwordFile], cancellationToken: cancellationToken);
            await RunAsync("initdb", ["-D", _dataDirectory, "-U", PostgresAuthentication.SuperUser, "--auth=scram-sha-256", $"--pwfile={passwordFile}",
                "--encoding=UTF8", "--no-instructions"], cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
        PostgresAuthentication.WriteHba(_dataDirectory);
    }

    /// <summary>An older AppHost's folder trusts every loopback connection: set the password through that trust, then close it.</summary>
    private async Task MigrateToPasswordAsync(CancellationToken cancellationToken)
    {
        log("postgres: this data folder allowed connections without a password; setting one and requiring it");
        await PostgresAuthentication.SetPasswordAsync(_port, password, cancellationToken);
        PostgresAuthentication.WriteHba(_dataDirectory);
        await RunAsync("pg_ctl", ["-D", _dataDirectory, "reload"], cancellationToken);
    }

    public bool IsAlive => ReadPid() is { } pid && Directory.Exists($"/proc/{pid}");

    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        // Backends of a crashed postmaster may hold its shared memory for a moment; pg_ctl start fails until they are gone.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await LaunchAsync(cancellationToken);
                return;
            }
            catch (InvalidOperationException) when (attempt < 10)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        // glibc's malloc with a fixed mmap threshold: a backend's large allocations (sorts, a chunk's rows) go back to the
        // kernel when freed instead of raising the thresholds and staying in the backend (docs/operations.md, "ReadyToRun
        // images": PostgreSQL's PSS at the end of 100,000 calls 208-230 MiB without, 170 MiB with).
        await RunAsync("pg_ctl", ["-D", _dataDirectory, "-l", Path.Combine(_dataDirectory, "server.log"), "-w", "-t", "60", "start",
            "-o", $"-p {_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c shared_buffers={SharedBuffers()} -c fsync=on -c jit={(tuning.Jit ? "on" : "off")} -c shared_preload_libraries=pg_stat_statements"], cancellationToken,
            environment: ["MALLOC_MMAP_THRESHOLD_=131072"]);
    }

    private string SharedBuffers() => System.Text.RegularExpressions.Regex.IsMatch(tuning.SharedBuffers, "^[0-9]{1,6}(kB|MB|GB)$")
        ? tuning.SharedBuffers
        : throw new InvalidOperationException($"AppHost:Postgres:SharedBuffers '{tuning.SharedBuffers}' is not a size such as 32MB.");

    public async Task StopAsync()
    {
        if (_dataDirectory.Length == 0) return;
        await RunAsync("pg_ctl", ["-D", _dataDirectory, "stop", "-m", "fast", "-w"], CancellationToken.None, check: false);
    }

    private async Task RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken, bool check = true,
        IReadOnlyList<string>? environment = null)
    {
        IEnumerable<string> command = environment is { Count: > 0 }
            ? ["env", .. environment, Path.Combine(_binDirectory, tool), .. arguments]
            : [Path.Combine(_binDirectory, tool), .. arguments];
        var (file, args) = Shell.IsRoot
            ? ("runuser", (IEnumerable<string>)["-u", "postgres", "--", .. command])
            : (command.First(), command.Skip(1));
        if (check) await Shell.RunCheckedAsync(file, args, timeout: TimeSpan.FromSeconds(90), cancellationToken: cancellationToken);
        else await Shell.RunAsync(file, args, timeout: TimeSpan.FromSeconds(90), cancellationToken: cancellationToken);
    }

    /// <summary>The data folder; as root it must be reachable by the postgres user, else a folder under /var/lib/llmlab is used.</summary>
    private async Task<string> PrepareDataDirectoryAsync(CancellationToken cancellationToken)
    {
        var directory = Path.Combine(dataRoot, "postgres");
        Directory.CreateDirectory(directory);
        if (!Shell.IsRoot) return directory;

        await Shell.RunAsync("chown", ["postgres:postgres", directory], cancellationToken: cancellationToken);
        var (reachable, _) = await Shell.RunAsync("runuser", ["-u", "postgres", "--", "test", "-w", directory], cancellationToken: cancellationToken);
        if (reachable == 0)
        {
            await Shell.RunAsync("chmod", ["700", directory], cancellationToken: cancellationToken);
            return directory;
        }

        var fallback = Path.Combine("/var/lib/llmlab", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(dataRoot))))[..12].ToLowerInvariant(), "postgres");
        log($"postgres: {directory} is not reachable by the postgres user (a parent folder is private); using {fallback}");
        Directory.CreateDirectory(fallback);
        await Shell.RunCheckedAsync("chown", ["-R", "postgres:postgres", Path.GetDirectoryName(fallback)!], cancellationToken: cancellationToken);
        await Shell.RunAsync("chmod", ["700", fallback], cancellationToken: cancellationToken);
        return fallback;
    }

    private int? ReadPid()
    {
        var pidFile = Path.Combine(_dataDirectory, "postmaster.pid");
        try
        {
            return File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? ExistingBinDirectory(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")) ? directory : null;

    private static string? FindBinDirectory()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            : Enumerable.Empty<string>();
        foreach (var version in versions)
        {
            var bin = Path.Combine(version, "bin");
            if (File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl"))) return bin;
        }
        var initdb = Shell.Which("initdb");
        return initdb is not null && Shell.Which("pg_ctl") is not null ? Path.GetDirectoryName(initdb) : null;
    }
}
