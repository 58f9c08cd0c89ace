namespace LlmLab.AppHost.Publish;

/// <summary>The names and ports every generated object agrees on.</summary>
public static class KubernetesNames
{
    public const int HttpPort = 8080;
    public const int GrpcPort = 8081;
    public const string HttpPortName = "http";
    public const string GrpcPortName = "grpc";
    public const string AppLabel = "app.kubernetes.io/name";
    public const string PartOfLabel = "app.kubernetes.io/part-of";
    public const string PartOf = "llmlab";
    /// <summary>The user the .NET container images run as (APP_UID of mcr.microsoft.com/dotnet images).</summary>
    public const long AppUserId = 1654;
    /// <summary>Where each pod's writable emptyDir is mounted; Storage__DataDirectory points below it.</summary>
    public const string DataMountPath = "/data";
    public const string OtlpEndpoint = "http://otel-collector:4317";
    public const string SpaRoot = "/app/wwwroot";

    public static string ConfigMapName(string service) => $"{service}-config";

    public static string Image(string service) => $"llmlab/{service}:latest";

    public static Dictionary<string, string> Labels(string app) => new()
    {
        [AppLabel] = app,
        [PartOfLabel] = PartOf,
    };

    public static Dictionary<string, string> Selector(string app) => new() { [AppLabel] = app };
}
