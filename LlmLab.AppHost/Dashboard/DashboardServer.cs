using LlmLab.AppHost.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmLab.AppHost.Dashboard;

/// <summary>
/// The operators' dashboard and the OTLP receiver behind it, on one loopback port of the AppHost's own (not the
/// gateway's): a page and a script from the output folder, the JSON API they read, and /v1/traces, /v1/logs.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HealthProbe _health = new();

    public Uri Url { get; }
    public ReceivedTelemetry Telemetry { get; }

    private DashboardServer(WebApplication app, Uri url, ReceivedTelemetry telemetry)
    {
        _app = app;
        Url = url;
        Telemetry = telemetry;
    }

    /// <summary>The base URL to give the services as OTEL_EXPORTER_OTLP_ENDPOINT.</summary>
    public string OtlpEndpoint => Url.GetLeftPart(UriPartial.Authority);

    public static async Task<DashboardServer> StartAsync(DashboardOptions options, IPlatformView platform, string? externalCollector,
        CancellationToken cancellationToken)
    {
        var url = DashboardAddress.Choose(options.Url);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(url.GetLeftPart(UriPartial.Authority));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, LauncherOwnedLifetime>();
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        // A web page elsewhere could point a name of its own at 127.0.0.1 (DNS rebinding) and read the logs: only
        // requests addressed to loopback by name are answered.
        builder.Services.Configure<HostFilteringOptions>(o => o.AllowedHosts = ["127.0.0.1", "localhost", "[::1]"]);
        var telemetry = new ReceivedTelemetry(options.MaxSpans, maxLogs: 20_000, TimeSpan.FromMinutes(5), TimeProvider.System);
        var app = builder.Build();
        var server = new DashboardServer(app, url, telemetry);

        app.UseHostFiltering();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            await next();
        });
        var files = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "Dashboard", "wwwroot"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapOtlpReceiver(telemetry);
        app.MapDashboardApi(platform, telemetry, server._health, externalCollector);
        await app.StartAsync(cancellationToken);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _health.Dispose();
    }
}
