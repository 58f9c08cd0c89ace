using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using LlmLab.AppHost.Publish;

namespace LlmLab.UnitTests.Deploy;

/// <summary>
/// tools/containers/build-image.sh: the gateway's image, built by the SDK's container publishing on the Debian base image
/// from the local registry, is an OCI archive whose config runs the app as the non-root user the manifests expect and
/// whose layers hold the .NET runtime, the app and the web app. The first run builds the base (debootstrap, about a
/// minute); later runs take it from .llmlab/containers.
/// </summary>
public sealed class ContainerImageTests
{
    private const string Project = "gateway/LlmLab.Gateway/LlmLab.Gateway.csproj";

    [Fact]
    public async Task The_gateway_image_runs_the_app_as_the_manifests_non_root_user_from_layers_holding_runtime_and_app()
    {
        var folder = Directory.CreateTempSubdirectory("llmlab-image-");
        try
        {
            var archivePath = Path.Combine(folder.FullName, "gateway.tar");
            // --no-build: the solution was built in Release (scripts/test.sh), and a build here would race the other tests.
            await BuildImageAsync("gateway", Project, "--output", archivePath, "--no-build");
            var image = OciArchive.Load(archivePath);

            var config = image.Config.GetProperty("config");
            var command = Strings(config, "Entrypoint").Concat(Strings(config, "Cmd")).ToList();
            Assert.Equal(["dotnet", "/app/LlmLab.Gateway.dll"], command);
            Assert.Equal("/app/", config.GetProperty("WorkingDir").GetString());
            Assert.Equal(KubernetesNames.AppUserId.ToString(System.Globalization.CultureInfo.InvariantCulture), config.GetProperty("User").GetString());
            Assert.Equal("linux", image.Config.GetProperty("os").GetString());
            Assert.Equal("amd64", image.Config.GetProperty("architecture").GetString());
            Assert.Contains("ASPNETCORE_HTTP_PORTS=" + KubernetesNames.HttpPort, Strings(config, "Env"));

            var files = image.Layers.SelectMany(l => OciArchive.Files(l)).GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Last().Value);
            Assert.Contains(files.Keys, f => f.StartsWith("usr/share/dotnet/shared/Microsoft.AspNetCore.App/", StringComparison.Ordinal)
                && f.EndsWith("/Microsoft.AspNetCore.dll", StringComparison.Ordinal));
            Assert.Equal("/usr/share/dotnet/dotnet", files["usr/bin/dotnet"].Entry.LinkName);
            var passwd = Encoding.UTF8.GetString(files["etc/passwd"].Content);
            Assert.Contains($"app:x:{KubernetesNames.AppUserId}:{KubernetesNames.AppUserId}:", passwd, StringComparison.Ordinal);

            // The app is the top layer: the published gateway and the web app it serves from Spa__Root.
            var app = OciArchive.Files(image.Layers[^1]);
            Assert.Contains("app/LlmLab.Gateway.dll", app.Keys);
            Assert.Contains("app/LlmLab.Gateway.runtimeconfig.json", app.Keys);
            Assert.Contains(KubernetesNames.SpaRoot.TrimStart('/') + "/index.html", app.Keys);
            var runtimeConfig = JsonDocument.Parse(app["app/LlmLab.Gateway.runtimeconfig.json"].Content).RootElement;
            Assert.Contains(runtimeConfig.GetProperty("runtimeOptions").GetProperty("frameworks").EnumerateArray(),
                f => f.GetProperty("name").GetString() == "Microsoft.AspNetCore.App");
            Assert.Equal(2, image.Layers.Count);

            // And it runs: the entrypoint, as the config's user, in the image's own file system, serves /alive and the web app.
            await RunImageAsync(archivePath, Path.Combine(folder.FullName, "root"));
        }
        finally
        {
            // run-image.sh mounts /dev and /proc in its own mount namespace, gone with it; never delete through a mount.
            var dev = Path.Combine(folder.FullName, "root", "dev");
            Assert.False(Directory.Exists(dev) && Directory.EnumerateFileSystemEntries(dev).Any(), $"{dev} is not empty");
            folder.Delete(recursive: true);
        }
    }

    private static async Task RunImageAsync(string archivePath, string root)
    {
        var port = LlmLab.AppHost.Infrastructure.Ports.Free();
        var key = () => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        using var process = Start(Path.Combine("tools", "containers", "run-image.sh"), archivePath, root,
            $"ASPNETCORE_URLS=http://127.0.0.1:{port}", "HOME=/home/app", "ConnectionStrings__redis=127.0.0.1:1,abortConnect=false",
            $"Security__InternalTokenKey={key()}", $"Security__KeyEncryptionKey={key()}", $"Spa__Root={KubernetesNames.SpaRoot}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        HttpStatusCode? alive = null;
        var page = "";
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (alive is null && DateTime.UtcNow < deadline && !process.HasExited)
            {
                try
                {
                    alive = (await client.GetAsync("/alive")).StatusCode;
                    page = await client.GetStringAsync("/");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(500);
                }
            }
        }
        finally
        {
            Kill(process);
            await process.WaitForExitAsync();
        }
        Assert.True(alive == HttpStatusCode.OK, $"the image's gateway answered /alive with {alive}:\n{await output}\n{await error}");
        Assert.Contains("<title>LLM Lab</title>", page, StringComparison.Ordinal);
    }

    private static void Kill(Process process)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
    }

    private static Process Start(string script, params string[] arguments) =>
        Process.Start(new ProcessStartInfo("bash", [script, .. arguments])
        {
            WorkingDirectory = RenderedOverlay.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;

    private static IEnumerable<string> Strings(JsonElement config, string name) =>
        config.TryGetProperty(name, out var values) && values.ValueKind == JsonValueKind.Array
            ? values.EnumerateArray().Select(v => v.GetString()!)
            : [];

    private static async Task BuildImageAsync(params string[] arguments)
    {
        using var process = Start(Path.Combine("tools", "containers", "build-image.sh"), arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"build-image.sh failed ({process.ExitCode}):\n{await output}\n{await error}");
    }
}
