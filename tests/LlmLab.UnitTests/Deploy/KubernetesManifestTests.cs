using LlmLab.AppHost;
using LlmLab.AppHost.Model;
using LlmLab.AppHost.Processes;
using LlmLab.AppHost.Publish;
using LlmLab.AppHost.Security;
using k8s.Models;

namespace LlmLab.UnitTests.Deploy;

/// <summary>The committed deploy/k8s, rendered per overlay, against what the services read and expose.</summary>
public sealed class KubernetesManifestTests
{
    public static TheoryData<string> Overlays => new() { "dev", "prod" };

    [Fact]
    public void Committed_manifests_are_exactly_what_the_generator_writes_now()
    {
        var generated = KustomizeLayout.Files();
        var committed = Directory.EnumerateFiles(RenderedOverlay.DeployFolder, "*.yaml", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(RenderedOverlay.DeployFolder, f).Replace('\\', '/'), File.ReadAllText);
        Assert.Equal(generated.Keys.Order(StringComparer.Ordinal), committed.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, content) in generated)
        {
            Assert.True(content == committed[path],
                $"deploy/k8s/{path} is stale: run dotnet run --project LlmLab.AppHost -- publish --output deploy/k8s");
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Every_service_has_a_deployment_service_and_disruption_budget_with_matching_ports(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);
        foreach (var project in PlatformModel.Projects)
        {
            var container = rendered.Deployment(project.Name).Spec.Template.Spec.Containers.Single();
            var containerPorts = container.Ports.ToDictionary(p => p.Name, p => p.ContainerPort);
            var expected = project.HasGrpcEndpoint
                ? new Dictionary<string, int> { ["http"] = KubernetesNames.HttpPort, ["grpc"] = KubernetesNames.GrpcPort }
                : new Dictionary<string, int> { ["http"] = KubernetesNames.HttpPort };
            Assert.Equal(expected, containerPorts);

            // Kestrel listens where the container port says.
            var config = rendered.ConfigMap(KubernetesNames.ConfigMapName(project.Name)).Data;
            var listening = project.HasGrpcEndpoint
                ? new[] { config["Kestrel__Endpoints__http__Url"], config["Kestrel__Endpoints__grpc__Url"] }
                : [config["ASPNETCORE_URLS"]];
            Assert.Equal(containerPorts.Values.Order(), listening.Select(u => new Uri(u.Replace("+", "0.0.0.0", StringComparison.Ordinal)).Port).Order());

            var service = rendered.OfType<V1Service>().Single(s => s.Metadata.Name == project.Name);
            Assert.Equal(project.Name, service.Spec.Selector[KubernetesNames.AppLabel]);
            foreach (var port in service.Spec.Ports)
            {
                Assert.Equal(containerPorts[port.TargetPort.Value], port.Port);
            }
            Assert.Single(rendered.OfType<V1PodDisruptionBudget>(), b => b.Spec.Selector.MatchLabels[KubernetesNames.AppLabel] == project.Name);
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Every_deployment_probes_readiness_and_liveness_on_the_http_port(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);
        foreach (var deployment in rendered.OfType<V1Deployment>())
        {
            var container = deployment.Spec.Template.Spec.Containers.Single();
            Assert.Equal(ServiceWorkload.ReadinessPath, container.ReadinessProbe.HttpGet.Path);
            Assert.Equal(ServiceWorkload.LivenessPath, container.LivenessProbe.HttpGet.Path);
            foreach (var probe in new[] { container.ReadinessProbe, container.LivenessProbe, container.StartupProbe })
            {
                Assert.Equal("http", probe.HttpGet.Port.Value);
                Assert.Contains(container.Ports, p => p.Name == "http");
            }
            Assert.NotNull(container.Resources.Requests);
            Assert.NotNull(container.Resources.Limits);
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Every_pod_runs_as_non_root_on_a_read_only_root_without_a_service_account_token(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);
        var pods = rendered.OfType<V1Deployment>().Select(d => d.Spec.Template.Spec)
            .Concat(rendered.OfType<V1StatefulSet>().Select(s => s.Spec.Template.Spec)).ToList();
        Assert.NotEmpty(pods);
        foreach (var pod in pods)
        {
            Assert.False(pod.AutomountServiceAccountToken);
            Assert.True(pod.SecurityContext.RunAsNonRoot);
            Assert.NotEqual(0, pod.SecurityContext.RunAsUser);
            foreach (var container in pod.Containers)
            {
                Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
                Assert.Equal(new[] { "ALL" }, container.SecurityContext.Capabilities.Drop);
            }
        }
        foreach (var deployment in rendered.OfType<V1Deployment>())
        {
            Assert.True(deployment.Spec.Template.Spec.Containers.Single().SecurityContext.ReadOnlyRootFilesystem);
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Every_environment_variable_is_one_the_AppHost_gives_the_same_service(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);
        var loopback = PlatformModel.Projects.ToDictionary(p => p.Name, p => new Endpoints(5000, p.HasGrpcEndpoint ? 5001 : null));
        var servers = new Dictionary<string, string> { ["postgres"] = "Host=h", ["redis"] = "h", ["rabbitmq"] = "amqp://h" };
        var secrets = new PlatformSecrets { InternalTokenKey = "k", KeyEncryptionKey = "k" };
        var options = new LauncherOptions { DataDirectory = "/d", OtlpEndpoint = "http://collector:4317", SpaRoot = "/s" };
        foreach (var project in PlatformModel.Projects)
        {
            var readByService = ServiceEnvironment.For(project, loopback[project.Name], loopback, servers, secrets, options).Keys;
            var container = rendered.Deployment(project.Name).Spec.Template.Spec.Containers.Single();
            var configMap = rendered.ConfigMap(container.EnvFrom.Single().ConfigMapRef.Name).Data.Keys;
            var given = configMap.Concat(container.Env.Select(e => e.Name)).ToList();
            Assert.Equal(given.Count, given.Distinct().Count());
            Assert.Equal(readByService.Order(StringComparer.Ordinal), given.Order(StringComparer.Ordinal));
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Service_addresses_name_a_service_and_port_that_exist(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);
        var services = rendered.OfType<V1Service>().ToDictionary(s => s.Metadata.Name, s => s.Spec.Ports.Select(p => p.Port).ToHashSet());
        var addresses = rendered.OfType<V1ConfigMap>().SelectMany(c => c.Data)
            .Where(e => e.Key.StartsWith("services__", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(addresses);
        foreach (var (_, value) in addresses)
        {
            var uri = new Uri(value);
            Assert.True(services.TryGetValue(uri.Host, out var ports) && ports.Contains(uri.Port), $"{value} has no Service");
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Secrets_are_referenced_and_never_inlined(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);
        Assert.Empty(rendered.OfType<V1Secret>());
        Assert.DoesNotContain(KubernetesEnvironment.SecretPlaceholder, rendered.Yaml, StringComparison.Ordinal);
        var containers = rendered.OfType<V1Deployment>().SelectMany(d => d.Spec.Template.Spec.Containers)
            .Concat(rendered.OfType<V1StatefulSet>().SelectMany(s => s.Spec.Template.Spec.Containers)).ToList();
        var literal = containers.SelectMany(c => c.Env ?? []).Where(e => e.ValueFrom is null).Select(e => (e.Name, e.Value))
            .Concat(rendered.OfType<V1ConfigMap>().SelectMany(c => c.Data).Select(e => (Name: e.Key, e.Value))).ToList();
        foreach (var (name, value) in literal)
        {
            Assert.Null(SecretReferences.For(name));
            Assert.DoesNotMatch("(?i)password|passwd|@", value);
            Assert.DoesNotMatch("(?i)(password|secret|apikeys__\\d+__key|connectionstrings)", name);
        }
        var referenced = containers.SelectMany(c => c.Env ?? []).Where(e => e.ValueFrom?.SecretKeyRef is not null).ToList();
        Assert.Contains(referenced, e => e.Name == "Security__InternalTokenKey");
        Assert.Contains(referenced, e => e.Name == "ConnectionStrings__batchdb" && e.ValueFrom.SecretKeyRef.Key == "batchdb");
    }
}
