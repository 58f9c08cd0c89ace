namespace LlmLab.AppHost.Model;

/// <summary>A service of the platform: its project, its endpoints and what it references.</summary>
public sealed record ProjectResource(
    string Name,
    string ProjectPath,
    IReadOnlyList<string> Databases,
    IReadOnlyList<string> Infrastructure,
    IReadOnlyList<string> References,
    bool HasGrpcEndpoint = false)
{
    public string AssemblyName => Path.GetFileName(ProjectPath);
}

/// <summary>The ports given to a project resource, on loopback here; on Kubernetes the host is the Service's name.</summary>
public sealed record Endpoints(int HttpPort, int? GrpcPort, string Host = "127.0.0.1")
{
    public string HttpUrl => $"http://{Host}:{HttpPort}";
    public string? GrpcUrl => GrpcPort is { } p ? $"http://{Host}:{p}" : null;
}
