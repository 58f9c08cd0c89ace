using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmLab.UnitTests.Cli;

/// <summary>
/// The gateway endpoints an experiment run of the CLI calls, answering as the platform does (a 409 before the gate is
/// evaluated, a bare array for responses, a page for experiments), with the gate's verdict and the run's end set by the test.
/// </summary>
public sealed class FakeGateway : IAsyncDisposable
{
    public const string Key = "fake-key";
    private readonly WebApplication _app;
    private int _statusCalls;
    private int _gateCalls;

    public string Url { get; }
    public bool GatePasses { get; set; } = true;
    public string FinalStatus { get; set; } = "completed";
    public ConcurrentQueue<string> Calls { get; } = new();

    private FakeGateway(WebApplication app)
    {
        _app = app;
        Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public static async Task<FakeGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeGateway? gateway = null;
        app.Use(async (http, next) =>
        {
            gateway!.Calls.Enqueue($"{http.Request.Method} {http.Request.Path}");
            if (http.Request.Headers["X-Api-Key"] != Key)
            {
                http.Response.StatusCode = 401;
                return;
            }
            await next(http);
        });
        var experiment = Guid.NewGuid();
        var run = Guid.NewGuid();
        app.MapGet("/api/experiments", () => Results.Json(new { items = Array.Empty<object>(), total = 0, page = 1, page_size = 200 }));
        app.MapPost("/api/experiments", async (HttpContext http) =>
        {
            using var body = await System.Text.Json.JsonDocument.ParseAsync(http.Request.Body);
            return body.RootElement.GetProperty("provider").GetString() == "nope"
                ? Results.Problem(statusCode: 422, title: "Validation failed", extensions: new Dictionary<string, object?> { ["errors"] = new { provider = new[] { "'nope' is not configured." } } })
                : Results.Json(new { id = experiment }, statusCode: 201);
        });
        app.MapPut("/api/experiments/{id:guid}/gates", () => Results.Json(new { checks = Array.Empty<object>() }));
        app.MapPost("/api/responses/generate", () => Results.Json(new { run_id = run, experiment_id = experiment, status = "running" }, statusCode: 202));
        app.MapGet("/api/experiments/batch/{id:guid}/status", () =>
        {
            var first = Interlocked.Increment(ref gateway!._statusCalls) == 1;
            return Results.Json(new
            {
                status = first ? "running" : gateway.FinalStatus, progress = first ? 50 : 100,
                completed_combinations = first ? 1 : 2, failed_combinations = 0, total_combinations = 2,
            });
        });
        app.MapGet("/api/runs/{id:guid}/gate", () => Interlocked.Increment(ref gateway!._gateCalls) == 1
            ? Results.Problem(statusCode: 409, title: "Conflict", detail: "scored responses still arriving")
            : Results.Json(new
            {
                passed = gateway.GatePasses,
                checks = new[]
                {
                    new { metric = "overall_score", op = ">=", value = (double?)60, actual = (double?)(gateway.GatePasses ? 70 : 55), passed = gateway.GatePasses,
                        reason = gateway.GatePasses ? "70 meets the minimum 60." : "55 is below the minimum 60." },
                    new { metric = "overall_score", op = "no_significant_regression", value = (double?)null, actual = (double?)null, passed = true, reason = "no baseline." },
                },
            }));
        app.MapGet("/api/responses/{id:guid}", () => Results.Json(new[]
        {
            new { model = "tiny", temperature = 0.5, top_p = 1.0, max_tokens = 20, response_time_ms = 10.0, total_tokens = 30, cost_usd = 0.0, error_message = (string?)null, metrics = new { overall_score = 60.0 } },
            new { model = "tiny", temperature = 0.5, top_p = 1.0, max_tokens = 20, response_time_ms = 20.0, total_tokens = 34, cost_usd = 0.0, error_message = (string?)null, metrics = new { overall_score = 70.0 } },
        }));
        app.MapGet("/api/me", () => Results.Json(new { tenant_id = "dev", subject_id = "key:ci", role = "admin" }));
        await app.StartAsync();
        gateway = new FakeGateway(app);
        return gateway;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
