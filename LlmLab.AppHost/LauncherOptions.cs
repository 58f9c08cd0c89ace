namespace LlmLab.AppHost;

/// <summary>Configuration section "AppHost" (appsettings.json, LLMLAB_ environment variables, --AppHost:Key=value).</summary>
public sealed class LauncherOptions
{
    public string RepoRoot { get; set; } = "";
    public string DataDirectory { get; set; } = "";
    public string StateFile { get; set; } = "";
    public string GatewayUrl { get; set; } = "http://127.0.0.1:8080";
    public string DevApiKey { get; set; } = "llmlab-dev-key";
    public string Environment { get; set; } = "Development";
    public string OtlpEndpoint { get; set; } = "";
    public string OtlpProtocol { get; set; } = "grpc";
    public string SpaRoot { get; set; } = "";
    public string BuildConfiguration { get; set; } = "";
    /// <summary>Extra variables for every service (tests use it to tune exporters or provider latency).</summary>
    public Dictionary<string, string> ServiceEnvironment { get; set; } = [];
}
