using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LlmLab.Bench;

/// <summary>The quality-analysis service started from its build output, as the AppHost would start it.</summary>
public sealed class QualityServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    public string GrpcUrl { get; }

    private QualityServiceProcess(Process process, string grpcUrl)
    {
        _process = process;
        GrpcUrl = grpcUrl;
    }

    public static async Task<QualityServiceProcess> StartAsync()
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "LlmLab.Quality.dll");
        var (http, grpc) = (FreePort(), FreePort());
        var info = new ProcessStartInfo("dotnet", [assembly]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        info.Environment["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{http}";
        info.Environment["Kestrel__Endpoints__grpc__Url"] = $"http://127.0.0.1:{grpc}";
        info.Environment["Kestrel__Endpoints__grpc__Protocols"] = "Http2";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                if ((await client.GetAsync(new Uri($"http://127.0.0.1:{http}/health"))).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }
        return new QualityServiceProcess(process, $"http://127.0.0.1:{grpc}");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
