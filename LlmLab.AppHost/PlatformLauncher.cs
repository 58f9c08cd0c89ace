using System.Reflection;
using LlmLab.AppHost.Dashboard;
using LlmLab.AppHost.Infrastructure;
using LlmLab.AppHost.Model;
using LlmLab.AppHost.Output;
using LlmLab.AppHost.Processes;
using LlmLab.AppHost.Security;
using LlmLab.AppHost.WarmUp;
using Microsoft.Extensions.Configuration;

namespace LlmLab.AppHost;

/// <summary>Starts infrastructure, then every service and the gateway; keeps them running until cancelled; stops all.</summary>
public sealed class PlatformLauncher(LauncherOptions options, IConfiguration configuration, TextWriter console)
{
    private readonly List<IInfrastructureServer> _infrastructure = [];
    /// <summary>Replaced whole once built, so the dashboard can read it from another thread.</summary>
    private volatile IReadOnlyList<ServiceProcess> _services = [];
    private DashboardServer? _dashboard;
    private readonly Lock _stateGate = new();
    private string _state = "starting";
    private PlatformSecrets _secrets = new();
    private PlatformWarmUp? _warmUp;

    private string LogDirectory => Path.Combine(options.DataDirectory, "logs");

    public async Task<int> RunAsync(CancellationToken stopping)
    {
        try
        {
            Directory.CreateDirectory(options.DataDirectory);
            _secrets = PlatformSecrets.LoadOrCreate(options.DataDirectory);
            _warmUp = new PlatformWarmUp(options.WarmUp, Log);
            var connectionStrings = await StartInfrastructureAsync(stopping);
            await StartDashboardAsync(stopping);
            if (await StartServicesAsync(connectionStrings, stopping))
            {
                _state = "warming up";
                WriteState();
                await _warmUp.RunAsync(new Uri(options.GatewayUrl), stopping);
            }
            else
            {
                console.WriteLine($"Some services did not become healthy; their logs are in {LogDirectory}.");
            }
            _state = "running";
            WriteState();
            console.WriteLine();
            console.WriteLine(ResourceTable.Render([.. Rows(), .. DashboardRow()]));
            console.WriteLine($"Gateway:      {options.GatewayUrl}");
            console.WriteLine($"API key:      {options.DevApiKey}   (send it as X-Api-Key)");
            if (_dashboard is not null) console.WriteLine($"Dashboard:    {_dashboard.Url}");
            console.WriteLine($"State file:   {options.StateFile}");
            console.WriteLine($"Logs:         {LogDirectory}");
            console.WriteLine("Press Ctrl+C to stop.");
            await SuperviseInfrastructureAsync(stopping);
            return 0;
        }
        catch (MissingBinaryException ex)
        {
            console.WriteLine(ex.Message);
            return 2;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException && !stopping.IsCancellationRequested)
        {
            console.WriteLine($"The platform could not start: {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return 0;
        }
        finally
        {
            await StopAllAsync();
        }
    }

    /// <summary>
    /// Restarts PostgreSQL, Redis or RabbitMQ when its process dies (services restart themselves through ServiceProcess).
    /// Each comes back on its own port with its own data, so the services' connection strings stay right.
    /// </summary>
    private async Task SuperviseInfrastructureAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                foreach (var server in _infrastructure.Where(s => !s.IsAlive))
                {
                    Log($"{server.Name} stopped unexpectedly; starting it again on {server.Url}");
                    try
                    {
                        await server.RestartAsync(stopping);
                        Log($"{server.Name} is running again");
                        WriteState();
                    }
                    catch (Exception ex) when (ex is InvalidOperationException or IOException or TimeoutException)
                    {
                        Log($"{server.Name} could not be restarted yet: {ex.Message}");
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task<Dictionary<string, string>> StartInfrastructureAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.DataDirectory);
        var secrets = _secrets;
        IInfrastructureServer Create(string name, Func<IInfrastructureServer> start) =>
            configuration.GetConnectionString(name) is { Length: > 0 } given ? new ExternalServer(name, given) : start();

        _infrastructure.Add(Create("postgres", () => new PostgresServer(options.DataDirectory, options.Binaries.PostgresBinDirectory, secrets.PostgresPassword!, options.Postgres, Log)));
        _infrastructure.Add(Create("redis", () => new RedisServer(options.DataDirectory, LogDirectory, options.Binaries.RedisServer, secrets.RedisPassword!)));
        _infrastructure.Add(Create("rabbitmq", () => new RabbitMqServer(options.DataDirectory, LogDirectory, options.Binaries.RabbitMqServer,
            secrets.RabbitMqUser!, secrets.RabbitMqPassword!)));
        Log("starting postgres, redis and rabbitmq");
        await Task.WhenAll(_infrastructure.Select(s => s.StartAsync(cancellationToken)));
        var connectionStrings = _infrastructure.ToDictionary(s => s.Name, s => s.ConnectionString);
        // Our own PostgreSQL: each service logs in as its own role, owning only its databases. An external server's
        // connection string is used as given.
        if (_infrastructure.OfType<PostgresServer>().SingleOrDefault() is { } postgres)
        {
            foreach (var (database, connectionString) in await PostgresServiceRoles.EnsureAsync(postgres.ConnectionString, secrets.PostgresPassword!,
                         PlatformModel.Projects, cancellationToken))
                connectionStrings[database] = connectionString;
        }
        return connectionStrings;
    }

    private async Task<bool> StartServicesAsync(IReadOnlyDictionary<string, string> connectionStrings, CancellationToken cancellationToken)
    {
        var gatewayPort = new Uri(options.GatewayUrl).Port;
        if (!Ports.IsFree(gatewayPort))
            throw new MissingBinaryException($"Port {gatewayPort} for the gateway is in use, so the platform", $"stop what uses it, or run with --AppHost:GatewayUrl=http://127.0.0.1:<port>");

        // One endpoint pair per replica: "batch" on the first, "batch-2" on the second, … (--replicas).
        var endpoints = PlatformModel.Projects.ToDictionary(p => p.Name, p => (IReadOnlyList<Endpoints>)Enumerable
            .Range(0, options.ReplicaCounts.Of(p.Name))
            .Select(_ => p.Name == PlatformModel.Gateway ? new Endpoints(gatewayPort, null) : new Endpoints(Ports.Free(), p.HasGrpcEndpoint ? Ports.Free() : null))
            .ToList());
        var services = new List<ServiceProcess>();
        foreach (var project in PlatformModel.Projects)
        {
            var assembly = AssemblyPath(project);
            for (var replica = 0; replica < endpoints[project.Name].Count; replica++)
            {
                var name = replica == 0 ? project.Name : $"{project.Name}-{replica + 1}";
                var own = endpoints[project.Name][replica];
                var environment = ServiceEnvironment.For(project, name, own, endpoints, connectionStrings, _secrets, options);
                if (project.Name == PlatformModel.Gateway)
                {
                    foreach (var (key, value) in _warmUp!.GatewayEnvironment()) environment.TryAdd(key, value);
                }
                var service = new ServiceProcess(project, name, own, assembly, environment, LogDirectory,
                    new ConsoleLog(options.Dashboard.LogLinesPerProcess), Log);
                service.Changed += WriteState;
                services.Add(service);
            }
        }
        _services = services;

        var backends = _services.Where(s => s.Resource.Name != PlatformModel.Gateway).ToList();
        Log($"starting {string.Join(", ", backends.Select(s => s.Name))}");
        backends.ForEach(s => s.Start());
        var healthy = (await Task.WhenAll(backends.Select(s => s.WaitHealthyAsync(TimeSpan.FromMinutes(2), cancellationToken)))).All(h => h);

        var gateway = _services.Single(s => s.Resource.Name == PlatformModel.Gateway);
        Log("starting gateway");
        gateway.Start();
        return await gateway.WaitHealthyAsync(TimeSpan.FromMinutes(1), cancellationToken) && healthy;
    }

    private string AssemblyPath(ProjectResource project)
    {
        var path = Path.Combine(options.RepoRoot, project.ProjectPath, "bin", options.BuildConfiguration, "net10.0", project.AssemblyName + ".dll");
        return File.Exists(path)
            ? path
            : throw new MissingBinaryException($"The build of {project.Name} ({path})", "dotnet build LlmLab.sln (dotnet run --project LlmLab.AppHost builds it)");
    }

    private async Task StopAllAsync()
    {
        _state = "stopping";
        Log("stopping");
        foreach (var service in _services) service.BeginStopping();
        var gateway = _services.FirstOrDefault(s => s.Resource.Name == PlatformModel.Gateway);
        if (gateway is not null) await gateway.StopAsync();
        await Task.WhenAll(_services.Where(s => s != gateway).Select(s => s.StopAsync()));
        await Task.WhenAll(_infrastructure.Select(StopQuietlyAsync));
        if (_dashboard is not null) await _dashboard.DisposeAsync();
        _state = "stopped";
        WriteState();
        foreach (var disposable in _services.Cast<IDisposable>().Concat(_infrastructure.OfType<IDisposable>())) disposable.Dispose();
        Log("stopped");
    }

    /// <summary>
    /// The operators' dashboard, unless turned off or this is a production installation. With no collector configured its
    /// OTLP receiver becomes every service's exporter endpoint; a configured one (setting or OTEL_EXPORTER_OTLP_ENDPOINT) wins.
    /// </summary>
    private async Task StartDashboardAsync(CancellationToken cancellationToken)
    {
        if (!options.Dashboard.Enabled || options.Production) return;
        var external = string.IsNullOrEmpty(options.OtlpEndpoint) ? null : options.OtlpEndpoint;
        _dashboard = await DashboardServer.StartAsync(options.Dashboard, new LauncherView(_infrastructure, () => _services), external, cancellationToken);
        if (external is null)
        {
            options.OtlpEndpoint = _dashboard.OtlpEndpoint;
            options.OtlpProtocol = "http/protobuf";
        }
        Log($"dashboard on {_dashboard.Url} (traces: {(external is null ? "received here" : $"sent to {external}")})");
    }

    private IEnumerable<ResourceRow> DashboardRow() =>
        _dashboard is null ? [] : [new ResourceRow("dashboard", "apphost", _dashboard.Url.GetLeftPart(UriPartial.Authority), Environment.ProcessId, "running")];

    private async Task StopQuietlyAsync(IInfrastructureServer server)
    {
        try
        {
            await server.StopAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException)
        {
            Log($"{server.Name} did not stop cleanly: {ex.Message}");
        }
    }

    private List<ResourceRow> Rows() =>
    [
        .. _infrastructure.Select(s => new ResourceRow(s.Name, s is ExternalServer ? "external" : "server", s.Url, _state == "stopped" ? null : s.ProcessId, _state == "stopped" ? "stopped" : "running")),
        .. _services.Select(s => new ResourceRow(s.Name, "project", s.Endpoints.HttpUrl, s.State == "stopped" ? null : s.ProcessId, s.State, s.Endpoints.GrpcUrl)),
    ];

    private void WriteState()
    {
        lock (_stateGate)
        {
            StateFile.Write(options.StateFile, _state, options.GatewayUrl, options.DevApiKey, Rows(),
                _state == "stopped" ? null : _dashboard?.Url.GetLeftPart(UriPartial.Authority));
        }
    }

    private void Log(string message) => console.WriteLine($"[apphost {DateTime.Now:HH:mm:ss}] {message}");

    public static string DefaultBuildConfiguration() =>
        typeof(PlatformLauncher).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
}
