using LlmLab.AppHost.Dashboard;
using LlmLab.AppHost.Model;
using Microsoft.Extensions.Configuration;

namespace LlmLab.AppHost;

/// <summary>Fills in the launcher's defaults: paths relative to the repository that holds LlmLab.sln.</summary>
public static class LauncherSetup
{
    public static LauncherOptions Resolve(IConfiguration configuration)
    {
        var options = configuration.GetSection("AppHost").Get<LauncherOptions>() ?? new LauncherOptions();
        options.RepoRoot = string.IsNullOrEmpty(options.RepoRoot) ? FindRepoRoot() : Path.GetFullPath(options.RepoRoot);
        options.DataDirectory = Absolute(options.DataDirectory, Path.Combine(options.RepoRoot, ".llmlab", "data"));
        options.StateFile = Absolute(options.StateFile, Path.Combine(options.RepoRoot, ".llmlab", "apphost.json"));
        if (string.IsNullOrEmpty(options.BuildConfiguration)) options.BuildConfiguration = PlatformLauncher.DefaultBuildConfiguration();
        if (string.IsNullOrEmpty(options.SpaRoot))
        {
            var dist = Path.Combine(options.RepoRoot, "web", "dist");
            options.SpaRoot = Directory.Exists(dist) ? dist : Path.Combine(options.RepoRoot, "web", "public");
        }
        if (string.IsNullOrEmpty(options.OtlpEndpoint))
        {
            options.OtlpEndpoint = Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") ?? "";
        }
        options.ReplicaCounts = ReplicaCounts.Parse(configuration["replicas"] is { Length: > 0 } given ? given : options.Replicas,
            PlatformModel.Projects.Select(p => p.Name));
        DashboardAddress.Validate(options.Dashboard.Url);
        if (options.GcGen0BudgetMiB is < 0 or > 1024)
            throw new ArgumentException($"AppHost:GcGen0BudgetMiB: {options.GcGen0BudgetMiB} is not 0 (the runtime's budget) or 1 to 1024.");
        if (options.WarmUp.Calls < 0 || options.WarmUp.Calls % 10 != 0)
            throw new ArgumentException($"AppHost:WarmUp:Calls: {options.WarmUp.Calls} is not 0 (no warm-up) or a positive multiple of 10.");
        if (options.WarmUp.TimeoutSeconds < 1)
            throw new ArgumentException($"AppHost:WarmUp:TimeoutSeconds: {options.WarmUp.TimeoutSeconds} must be at least 1.");
        return options;
    }

    private static string Absolute(string configured, string fallback) =>
        string.IsNullOrEmpty(configured) ? fallback : Path.GetFullPath(configured);

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LlmLab.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("Cannot find LlmLab.sln above the current folder; set AppHost:RepoRoot.");
    }
}
