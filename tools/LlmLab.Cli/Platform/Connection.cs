using LlmLab.Cli.Config;

namespace LlmLab.Cli.Platform;

/// <summary>Where the gateway is and the key to call it with: LLMLAB_URL / LLMLAB_API_KEY override the login file.</summary>
public sealed record Connection(Uri Url, string ApiKey)
{
    public const string UrlVariable = "LLMLAB_URL";
    public const string KeyVariable = "LLMLAB_API_KEY";

    public static Connection Resolve(Func<string, string?> environment, string settingsPath)
    {
        var stored = CliSettingsFile.Read(settingsPath);
        var url = Pick(environment(UrlVariable), stored?.Url);
        var key = Pick(environment(KeyVariable), stored?.ApiKey);
        if (url is null) throw new ConfigException($"no gateway URL: set {UrlVariable} or run `llmlab login --url <gateway>`.");
        if (key is null) throw new ConfigException($"no API key: set {KeyVariable} or run `llmlab login`.");
        return new Connection(ParseUrl(url, UrlVariable), key);
    }

    public static Uri ParseUrl(string url, string field) =>
        Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
            ? parsed
            : throw new ConfigException($"{field}: '{url}' is not an http(s) URL.");

    private static string? Pick(string? first, string? second) =>
        !string.IsNullOrWhiteSpace(first) ? first.Trim() : !string.IsNullOrWhiteSpace(second) ? second.Trim() : null;
}
