using LlmLab.AppHost.Model;
using LlmLab.AppHost.Security;

namespace LlmLab.AppHost.Processes;

/// <summary>The environment Aspire would give a project resource: URLs, connection strings, service discovery, OTEL_*.</summary>
public static class ServiceEnvironment
{
    public static Dictionary<string, string> For(ProjectResource resource, Endpoints endpoints, IReadOnlyDictionary<string, Endpoints> allEndpoints,
        IReadOnlyDictionary<string, string> connectionStrings, PlatformSecrets secrets, LauncherOptions options) =>
        For(resource, resource.Name, endpoints, allEndpoints.ToDictionary(e => e.Key, e => (IReadOnlyList<Endpoints>)[e.Value]), connectionStrings, secrets, options);

    /// <summary>
    /// The environment of one replica (<paramref name="instance"/>: "batch", "batch-2", …). Every reference lists all the
    /// replicas of its target (services__batch__http__0, __1, …): service discovery then spreads a caller's HTTP and gRPC
    /// calls over them, and the gateway's resolver makes each one a YARP destination.
    /// </summary>
    public static Dictionary<string, string> For(ProjectResource resource, string instance, Endpoints endpoints,
        IReadOnlyDictionary<string, IReadOnlyList<Endpoints>> allEndpoints, IReadOnlyDictionary<string, string> connectionStrings,
        PlatformSecrets secrets, LauncherOptions options)
    {
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = options.EnvironmentName,
            ["DOTNET_ENVIRONMENT"] = options.EnvironmentName,
            // The data folder's platform keys (secrets.json); never printed and not in the state file.
            ["Security__InternalTokenKey"] = string.IsNullOrEmpty(options.InternalTokenKey) ? secrets.InternalTokenKey! : options.InternalTokenKey,
            ["Security__KeyEncryptionKey"] = secrets.KeyEncryptionKey!,
            ["OTEL_SERVICE_NAME"] = resource.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={Guid.NewGuid()},service.namespace=llmlab",
            ["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = "false",
            // A folder of the service's own under the data folder, for what it keeps on disk (knowledge: its Lucene indexes).
            // Per replica, so two processes never write the same files.
            ["Storage__DataDirectory"] = Path.Combine(options.DataDirectory, "services", instance),
        };
        if (options.GcGen0BudgetMiB > 0) env["DOTNET_GCgen0size"] = $"0x{options.GcGen0BudgetMiB * 1024L * 1024:X}";

        if (endpoints.GrpcPort is null)
        {
            env["ASPNETCORE_URLS"] = endpoints.HttpUrl;
        }
        else
        {
            // gRPC needs HTTP/2, and without TLS Kestrel cannot offer HTTP/1.1 and HTTP/2 on one port: two named endpoints.
            env["Kestrel__Endpoints__http__Url"] = endpoints.HttpUrl;
            env["Kestrel__Endpoints__http__Protocols"] = "Http1";
            env["Kestrel__Endpoints__grpc__Url"] = endpoints.GrpcUrl!;
            env["Kestrel__Endpoints__grpc__Protocols"] = "Http2";
        }

        foreach (var database in resource.Databases)
        {
            // The database's own login where the AppHost made one (PostgresServiceRoles), else the server's as given.
            env[$"ConnectionStrings__{database}"] = connectionStrings.TryGetValue(database, out var own) ? own : $"{connectionStrings["postgres"]};Database={database}";
        }
        foreach (var server in resource.Infrastructure)
        {
            env[$"ConnectionStrings__{server}"] = connectionStrings[server];
        }
        foreach (var reference in resource.References)
        {
            var replicas = allEndpoints[reference];
            for (var i = 0; i < replicas.Count; i++)
            {
                env[$"services__{reference}__http__{i}"] = replicas[i].HttpUrl;
                if (replicas[i].GrpcUrl is { } grpc) env[$"services__{reference}__grpc__{i}"] = grpc;
            }
        }

        if (!string.IsNullOrEmpty(options.OtlpEndpoint))
        {
            env["OTEL_EXPORTER_OTLP_ENDPOINT"] = options.OtlpEndpoint;
            env["OTEL_EXPORTER_OTLP_PROTOCOL"] = options.OtlpProtocol;
        }
        if (resource.Name == PlatformModel.Gateway)
        {
            env["Gateway__ApiKeys__0__Key"] = options.DevApiKey;
            env["Gateway__ApiKeys__0__Tenant"] = "dev";
            env["Spa__Root"] = options.SpaRoot;
        }
        foreach (var (key, value) in options.ServiceEnvironment)
        {
            env[key] = value;
        }
        return env;
    }
}
