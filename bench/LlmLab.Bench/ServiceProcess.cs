using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;

namespace LlmLab.Bench;

/// <summary>A platform service (or Redis) started from its build output for a benchmark, stopped when disposed.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    public string GrpcUrl { get; }
    public int Port { get; }

    private ServiceProcess(Process process, string grpcUrl, int port)
    {
        _process = process;
        GrpcUrl = grpcUrl;
        Port = port;
    }

    /// <summary>The platform secret of the services a benchmark starts, so it can sign its calls to them.</summary>
    public static readonly string InternalTokenKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>A gRPC channel to the service whose calls carry a signed platform identity.</summary>
    public GrpcChannel OpenChannel() => GrpcChannel.ForAddress(GrpcUrl, new GrpcChannelOptions
    {
        HttpHandler = SigningHandler.For(InternalTokenKey, new CallerIdentity("bench", "bench", InternalTokens.ServiceRole)),
    });

    public static async Task<ServiceProcess> StartServiceAsync(string assemblyName, IReadOnlyDictionary<string, string> environment)
    {
        var (http, grpc) = (FreePort(), FreePort());
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll")])
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        info.Environment["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{http}";
        info.Environment["Kestrel__Endpoints__http__Protocols"] = "Http1";
        info.Environment["Kestrel__Endpoints__grpc__Url"] = $"http://127.0.0.1:{grpc}";
        info.Environment["Kestrel__Endpoints__grpc__Protocols"] = "Http2";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Security__InternalTokenKey"] = InternalTokenKey;
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient();
        for (var i = 0; i < 150; i++)
        {
            try
            {
                if ((await client.GetAsync(new Uri($"http://127.0.0.1:{http}/health"))).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        return new ServiceProcess(process, $"http://127.0.0.1:{grpc}", http);
    }

    public static async Task<ServiceProcess> StartRedisAsync()
    {
        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo("redis-server", ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            UseShellExecute = false, RedirectStandardOutput = true,
        })!;
        process.BeginOutputReadLine();
        for (var i = 0; i < 50; i++)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        return new ServiceProcess(process, "", port);
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static int FreePort() => LlmLab.AppHost.Infrastructure.Ports.Free();
}
