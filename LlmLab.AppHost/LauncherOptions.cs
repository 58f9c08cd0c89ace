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
    /// <summary>Extra variables for every service (tests use it to tune exporters or provider latency).</summary>
    public Dictionary<string, string> ServiceEnvironment { get; set; } = [];
}

public sealed class ServerBinaries
{
    public string PostgresBinDirectory { get; set; } = "";
    public string RedisServer { get; set; } = "";
    public string RabbitMqServer { get; set; } = "";
}
