namespace LlmLab.LlmIntegration.Domain;

/// <summary>Configuration section "Llm": the providers, their models and prices.</summary>
public sealed class LlmOptions
{
    public string DefaultProvider { get; set; } = "local";
    public Dictionary<string, ProviderDefinition> Providers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class ProviderDefinition
{
    public string DefaultModel { get; set; } = "";
    public List<ModelDefinition> Models { get; set; } = [];
    public List<string> Capabilities { get; set; } = [];
}

public sealed class ModelDefinition
{
    public string Name { get; set; } = "";
    public decimal InputPricePerMillion { get; set; }
    public decimal OutputPricePerMillion { get; set; }
    public int ContextWindow { get; set; } = 4096;
}
