using System.Text.RegularExpressions;

namespace LlmLab.LlmIntegration.Apis;

/// <summary>Rules for a provider added through the API; errors keyed by snake_case field.</summary>
public static partial class NewProviderValidator
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    public static Dictionary<string, string[]> Validate(NewProvider body, IEnumerable<string> configuredNames)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors.TryAdd(field, [message]);

        if (string.IsNullOrWhiteSpace(body.Name) || !NamePattern().IsMatch(body.Name)) Fail("name", "1–40 letters, digits or dashes.");
        else if (configuredNames.Contains(body.Name, StringComparer.OrdinalIgnoreCase)) Fail("name", $"'{body.Name}' is a configured provider.");
        if (body.Kind is null || !(body.Kind.Equals("openai", StringComparison.OrdinalIgnoreCase) || body.Kind.Equals("anthropic", StringComparison.OrdinalIgnoreCase)))
            Fail("kind", "must be openai (any OpenAI-compatible endpoint) or anthropic.");
        if (!string.IsNullOrEmpty(body.BaseUrl) && !(Uri.TryCreate(body.BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            Fail("base_url", "must be an absolute http(s) URL.");
        if (string.IsNullOrEmpty(body.ApiKey)) Fail("api_key", "is required.");
        if (body.Models is not { Count: > 0 }) Fail("models", "list at least one model.");
        else
        {
            for (var i = 0; i < body.Models.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(body.Models[i].Name)) Fail($"models[{i}].name", "is required.");
                if (body.Models[i].InputPricePerMillion < 0 || body.Models[i].OutputPricePerMillion < 0) Fail($"models[{i}]", "prices must not be negative.");
            }
            if (body.DefaultModel is not null && body.Models.All(m => m.Name != body.DefaultModel)) Fail("default_model", "must be one of models.");
        }
        if (body.MaxConcurrency is < 1 or > 10_000) Fail("max_concurrency", "must be between 1 and 10000.");
        if (body.RequestsPerMinute is < 0) Fail("requests_per_minute", "must not be negative.");
        if (body.TokensPerMinute is < 0) Fail("tokens_per_minute", "must not be negative.");
        return errors;
    }
}
