namespace LlmLab.ServiceKit;

/// <summary>A platform service this request needs did not answer; the request changed nothing and can be sent again.</summary>
public sealed class DependencyUnavailableException(string dependency, Exception? inner = null)
    : Exception($"{dependency} is not available.", inner)
{
    /// <summary>The service-discovery name of the service that did not answer (e.g. llm-integration).</summary>
    public string Dependency { get; } = dependency;
}
