using System.Text.Json;

namespace LlmLab.Cli.Platform;

/// <summary>One line from a problem+json answer: its title or detail, then each field it names with the reason.</summary>
public static class ProblemText
{
    public static string Describe(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return "(no body)";
        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            if (problem.ValueKind != JsonValueKind.Object) return Shorten(body);
            var parts = new List<string>();
            if ((Text(problem, "detail") ?? Text(problem, "title")) is { } headline) parts.Add(headline);
            if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                foreach (var field in errors.EnumerateObject())
                    parts.Add($"{field.Name}: {string.Join(" ", field.Value.ValueKind == JsonValueKind.Array ? field.Value.EnumerateArray().Select(e => e.ToString()) : [field.Value.ToString()])}");
            if (problem.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object && Text(error, "message") is { } message)
                parts.Add(message);
            return parts.Count == 0 ? Shorten(body) : string.Join("; ", parts);
        }
        catch (JsonException)
        {
            return Shorten(body);
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    private static string Shorten(string body) => body.Length <= 300 ? body.Trim() : body[..300].Trim() + "…";
}
