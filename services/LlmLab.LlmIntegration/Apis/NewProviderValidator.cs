using System.Text.RegularExpressions;
using LlmLab.LlmIntegration.Domain;

namespace LlmLab.LlmIntegration.Apis;

/// <summary>Rules for a provider added or changed through the API; errors keyed by snake_case field.</summary>
public static partial class NewProviderValidator
{
    private const int MaxModels = 100;
    private const int MaxModelName = 200;
    private const int MaxApiKey = 4096;
    private const int MaxBaseUrl = 2048;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    /// <summary>The field rules; the base_url's reachability is checked apart (Outbound/OutboundUrlCheck) since it resolves DNS.</summary>
    public static Dictionary<string, string[]> Validate(NewProvider body, IEnumerable<string> configuredNames, bool apiKeyRequired)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors.TryAdd(field, [message]);

        if (string.IsNullOrWhiteSpace(body.Name) || !NamePattern().IsMatch(body.Name)) Fail("name", "1–40 letters, digits or dashes.");
        else if (configuredNames.Contains(body.Name, StringComparer.OrdinalIgnoreCase)) Fail("name", $"'{body.Name}' is a configured provider.");
        if (body.Kind is null || !(body.Kind.Equals("openai", StringComparison.OrdinalIgnoreCase) || body.Kind.Equals("anthropic", StringComparison.OrdinalIgnoreCase)))
            Fail("kind", "must be openai (any OpenAI-compatible endpoint) or anthropic.");
        if (body.BaseUrl is { Length: > MaxBaseUrl }) Fail("base_url", $"at most {MaxBaseUrl} characters.");
        if (apiKeyRequired && string.IsNullOrEmpty(body.ApiKey)) Fail("api_key", "is required.");
        else if (body.ApiKey is { Length: > MaxApiKey }) Fail("api_key", $"at most {MaxApiKey} characters.");
        if (body.Models is not { Count: > 0 }) Fail("models", "list at least one model.");
        else if (body.Models.Count > MaxModels) Fail("models", $"at most {MaxModels} models.");
        else
        {
            for (var i = 0; i < body.Models.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(body.Models[i].Name)) Fail($"models[{i}].name", "is required.");
                else if (body.Models[i].Name!.Length > MaxModelName) Fail($"models[{i}].name", $"at most {MaxModelName} characters.");
                if (body.Models[i].InputPricePerMillion < 0 || body.Models[i].OutputPricePerMillion < 0) Fail($"models[{i}]", "prices must not be negative.");
                if (body.Models[i].ContextWindow is < 1) Fail($"models[{i}].context_window", "must be at least 1.");
            }
            if (body.DefaultModel is not null && body.Models.All(m => m.Name != body.DefaultModel)) Fail("default_model", "must be one of models.");
        }
        if (body.MaxConcurrency is < 1 or > 10_000) Fail("max_concurrency", "must be between 1 and 10000.");
        if (body.RequestsPerMinute is < 0) Fail("requests_per_minute", "must not be negative.");
        if (body.TokensPerMinute is < 0) Fail("tokens_per_minute", "must not be negative.");
        return errors;
    }

    /// <summary>The stored definition of a valid request.</summary>
    public static ProviderDefinition ToDefinition(NewProvider body, string apiKey) => new()
    {
        Kind = body.Kind!.Equals("anthropic", StringComparison.OrdinalIgnoreCase) ? ProviderKind.Anthropic : ProviderKind.OpenAi,
        BaseUrl = body.BaseUrl ?? "",
        ApiKey = apiKey,
        DefaultModel = body.DefaultModel ?? body.Models![0].Name!,
        Models = body.Models!.Select(m => new ModelDefinition
        {
            Name = m.Name!, InputPricePerMillion = m.InputPricePerMillion ?? 0, OutputPricePerMillion = m.OutputPricePerMillion ?? 0, ContextWindow = m.ContextWindow ?? 8192,
        }).ToList(),
        Capabilities = ["chat", "streaming"],
        MaxConcurrency = body.MaxConcurrency ?? 16,
        RequestsPerMinute = body.RequestsPerMinute ?? 0,
        TokensPerMinute = body.TokensPerMinute ?? 0,
        AddedAtRunTime = true,
    };
}
