using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.ServiceKit;

/// <summary>Stores a value (a list of records, an options record) as a jsonb column, compared by its JSON.</summary>
public static class JsonColumn
{
    public static PropertyBuilder<T> HasJson<T>(this PropertyBuilder<T> property) where T : class =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, ServiceKitExtensions.Json),
            v => JsonSerializer.Deserialize<T>(v, ServiceKitExtensions.Json)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, ServiceKitExtensions.Json) == JsonSerializer.Serialize(b, ServiceKitExtensions.Json),
                v => JsonSerializer.Serialize(v, ServiceKitExtensions.Json).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, ServiceKitExtensions.Json), ServiceKitExtensions.Json)!));
}
