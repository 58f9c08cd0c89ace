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

/// <summary>The ports given to a project resource.</summary>
public sealed record Endpoints(int HttpPort, int? GrpcPort)
{
    public string HttpUrl => $"http://127.0.0.1:{HttpPort}";
    public string? GrpcUrl => GrpcPort is { } p ? $"http://127.0.0.1:{p}" : null;
}
