using k8s.Models;

namespace LlmLab.AppHost.Publish;

/// <summary>Requests and limits per service: the model-serving and training processes need more memory than the rest.</summary>
public static class ResourceProfile
{
    private static readonly HashSet<string> Heavy = ["llm-integration", "training", "knowledge"];

    public static V1ResourceRequirements For(string service) => Heavy.Contains(service)
        ? Requirements("250m", "512Mi", "2", "2Gi")
        : Requirements("100m", "192Mi", "1", "512Mi");

    private static V1ResourceRequirements Requirements(string cpu, string memory, string cpuLimit, string memoryLimit) => new()
    {
        Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(cpu), ["memory"] = new(memory) },
        Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(cpuLimit), ["memory"] = new(memoryLimit) },
    };
}
