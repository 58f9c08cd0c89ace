using System.Text.Json;

namespace LlmLab.Cli.Platform;

/// <summary>A list answer as a bare array or as a page <c>{items: [...], total, ...}</c>; both are accepted.</summary>
public static class JsonList
{
    public static IReadOnlyList<JsonElement> Items(JsonElement answer) => answer.ValueKind switch
    {
        JsonValueKind.Array => answer.EnumerateArray().ToList(),
        JsonValueKind.Object when answer.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array => items.EnumerateArray().ToList(),
        _ => throw new PlatformException(null, $"expected a list or {{items: [...]}}, got {answer.ValueKind}."),
    };

    /// <summary>The total of a page, or null for a bare array (which is everything).</summary>
    public static int? Total(JsonElement answer) =>
        answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("total", out var total) && total.TryGetInt32(out var n) ? n : null;
}
