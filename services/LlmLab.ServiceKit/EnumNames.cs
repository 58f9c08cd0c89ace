using System.Text.Json;

namespace LlmLab.ServiceKit;

/// <summary>Reads an enum from its wire name (snake_case, case-insensitive) only: never a number, never an undefined value.</summary>
public static class EnumNames
{
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Name(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>"must be a, b or c." for a problem message.</summary>
    public static string Expected<TEnum>() where TEnum : struct, Enum
    {
        var names = Enum.GetValues<TEnum>().Select(Name).ToList();
        return names.Count == 1 ? $"must be {names[0]}." : $"must be {string.Join(", ", names[..^1])} or {names[^1]}.";
    }
}
