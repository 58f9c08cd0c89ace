using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.ServiceKit;

/// <summary>Stores a string-keyed dictionary as a jsonb column, compared by content so edits are saved.</summary>
public static class JsonMapColumn
{
    public static PropertyBuilder<Dictionary<string, TValue>> HasJsonMap<TValue>(this PropertyBuilder<Dictionary<string, TValue>> property) =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
            v => JsonSerializer.Deserialize<Dictionary<string, TValue>>(v, (JsonSerializerOptions?)null) ?? new Dictionary<string, TValue>(),
            new ValueComparer<Dictionary<string, TValue>>(
                (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                v => v.Count,
                v => new Dictionary<string, TValue>(v)));
}
