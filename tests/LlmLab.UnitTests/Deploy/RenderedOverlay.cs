using System.Diagnostics;
using LlmLab.AppHost;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Configuration;

namespace LlmLab.UnitTests.Deploy;

/// <summary>An overlay of the committed deploy/k8s rendered by `kubectl kustomize` and loaded as typed Kubernetes objects.</summary>
public sealed class RenderedOverlay
{
    public static string RepoRoot { get; } = LauncherSetup.Resolve(new ConfigurationBuilder().Build()).RepoRoot;
    public static string DeployFolder => Path.Combine(RepoRoot, "deploy", "k8s");

    public string Yaml { get; }
    public IReadOnlyList<object> Objects { get; }

    private RenderedOverlay(string yaml)
    {
        Yaml = yaml;
        // A typed load: an unknown kind, an unknown field or a value of the wrong type throws (KEDA's kinds load as the
        // fields their CRDs define).
        Objects = KubernetesYaml.LoadAllFromString(yaml, KedaResources.TypeMap, strict: true);
    }

    public static RenderedOverlay Render(string environment)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", Path.Combine(DeployFolder, "overlays", environment)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"kubectl kustomize failed: {error}");
        return new RenderedOverlay(output.Result);
    }

    public IEnumerable<T> OfType<T>() => Objects.OfType<T>();

    public V1Deployment Deployment(string name) => OfType<V1Deployment>().Single(d => d.Metadata.Name == name);

    public V1ConfigMap ConfigMap(string name) => OfType<V1ConfigMap>().Single(c => c.Metadata.Name == name);
}
