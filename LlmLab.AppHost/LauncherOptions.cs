namespace LlmLab.AppHost;

/// <summary>Configuration section "AppHost" (appsettings.json, LLMLAB_ environment variables, --AppHost:Key=value).</summary>
public sealed class LauncherOptions
{
    public string RepoRoot { get; set; } = "";
    public string DataDirectory { get; set; } = "";
    public string StateFile { get; set; } = "";
    public string GatewayUrl { get; set; } = "http://127.0.0.1:8080";
    public string DevApiKey { get; set; } = "llmlab-dev-key";
    /// <summary>Runs the services as Development (ASP.NET Core's development defaults); otherwise Production.</summary>
    public bool Development { get; set; }
    public string EnvironmentName => Development ? "Development" : "Production";
    public string OtlpEndpoint { get; set; } = "";
    public string OtlpProtocol { get; set; } = "grpc";
    public string SpaRoot { get; set; } = "";
    public string BuildConfiguration { get; set; } = "";
    /// <summary>The secret services sign each other's identity with; empty: the one kept in the data folder's secrets file.</summary>
    public string InternalTokenKey { get; set; } = "";
    /// <summary>Where the server binaries are; empty: found in Debian's locations or on PATH.</summary>
    public ServerBinaries Binaries { get; set; } = new();
    /// <summary>
    /// This AppHost runs a shared installation, not a developer's machine: the operators' dashboard is off (it shows every
    /// tenant's logs and traces to whoever reaches its loopback port).
    /// </summary>
    public bool Production { get; set; }
    /// <summary>"batch=2,llm-integration=2": processes per service (also `--replicas batch=2`); parsed into <see cref="ReplicaCounts"/>.</summary>
    public string Replicas { get; set; } = "";
    public Model.ReplicaCounts ReplicaCounts { get; internal set; } = Model.ReplicaCounts.None;
    public DashboardOptions Dashboard { get; set; } = new();
    public PostgresTuning Postgres { get; set; } = new();
    public WarmUpOptions WarmUp { get; set; } = new();
    /// <summary>
    /// Each service's gen0 budget (DOTNET_GCgen0size, which the runtime reads from the environment only); 0 keeps the
    /// runtime's, which follows the L3 cache (32 MiB here: ≈ 16 MiB of young objects per process before a collection,
    /// times ten processes). docs/operations.md, "Gen0 budget".
    /// </summary>
    public int GcGen0BudgetMiB { get; set; } = 4;
    /// <summary>Extra variables for every service (tests use it to tune exporters or provider latency).</summary>
    public Dictionary<string, string> ServiceEnvironment { get; set; } = [];
}

public sealed class ServerBinaries
{
    public string PostgresBinDirectory { get; set; } = "";
    public string RedisServer { get; set; } = "";
    public string RabbitMqServer { get; set; } = "";
}

/// <summary>Section "AppHost:Postgres": settings of the PostgreSQL server the AppHost runs (not of a managed one).</summary>
public sealed class PostgresTuning
{
    /// <summary>
    /// PostgreSQL's own buffer cache. Small, because the kernel's page cache holds the rest and every backend's share of
    /// touched buffers counts toward the platform's memory (docs/operations.md, "Memory"); PostgreSQL's default is 128MB.
    /// </summary>
    public string SharedBuffers { get; set; } = "32MB";

    /// <summary>
    /// PostgreSQL's LLVM JIT for expensive queries. Off: the platform's statements are short, a compiled query costs tens
    /// of milliseconds and the JIT's code stays in its backend (docs/operations.md, "ReadyToRun images").
    /// </summary>
    public bool Jit { get; set; }
}

/// <summary>
/// Section "AppHost:WarmUp": a run the AppHost makes through the gateway before it reports the platform running, in a
/// tenant of its own that it erases afterwards, so the services compile their hot code before a user's first run
/// (docs/operations.md, "Warm-up at start").
/// </summary>
public sealed class WarmUpOptions
{
    /// <summary>Calls of the warm-up run, a multiple of 10 (ten temperatures); 0 turns the warm-up off.</summary>
    public int Calls { get; set; } = 1_000;
    /// <summary>A provider that answers offline and costs nothing: the built-in engine.</summary>
    public string Provider { get; set; } = "local";
    public string Model { get; set; } = "local-ngram";
    /// <summary>A warm-up that has not finished by then is abandoned (the platform starts anyway).</summary>
    public int TimeoutSeconds { get; set; } = 120;
}

/// <summary>Section "AppHost:Dashboard": the operators' dashboard and the OTLP receiver behind it.</summary>
public sealed class DashboardOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Loopback only. When the port is taken (another platform runs), a free one is used and printed.</summary>
    public string Url { get; set; } = "http://127.0.0.1:18888";
    /// <summary>Spans kept in memory; the oldest traces are dropped first.</summary>
    public int MaxSpans { get; set; } = 50_000;
    /// <summary>Console lines kept per process (the full output is in the data folder's logs/).</summary>
    public int LogLinesPerProcess { get; set; } = 5_000;
}
