using Microsoft.OpenApi;

namespace LlmLab.ServiceKit.OpenApi;

/// <summary>
/// Schemas as client generators need them. ASP.NET Core describes a number the JSON options also read from a string as
/// anyOf [integer, string] with a pattern, and a query parameter of a nullable type with a format but no type (OpenAPI
/// 3.0 has no "null" type); NSwag then types them object and generates code that does not compile (a date-time
/// formatted with ToString("s", culture) on an object). Each gets its one plain type back.
/// </summary>
public static class ClientFriendlySchemas
{
    public static void Repair(OpenApiSchema schema)
    {
        // In the object model the union is one set of type flags, which the 3.0 writer turns into anyOf.
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String)
            && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        // [integer|number, string] or, for a nullable one, [integer|number, string, null].
        if (schema.AnyOf is { Count: 2 or 3 } alternatives
            && alternatives.FirstOrDefault(a => a.Type is JsonSchemaType.Integer or JsonSchemaType.Number) is { } number
            && alternatives.Any(a => a.Type == JsonSchemaType.String)
            && alternatives.Count(IsNull) == alternatives.Count - 2)
        {
            schema.Type = alternatives.Any(IsNull) ? number.Type | JsonSchemaType.Null : number.Type;
            schema.AnyOf = null;
            schema.Pattern = null;
        }
        if (schema.Type is null && schema.AnyOf is null && schema.OneOf is null && schema.AllOf is null)
            schema.Type = TypeOfFormat(schema.Format) ?? TypeOfEnum(schema.Enum);
    }

    private static bool IsNull(IOpenApiSchema alternative) =>
        alternative.Type == JsonSchemaType.Null || alternative.Enum is { Count: 1 } values && values[0] is null;

    /// <summary>A query, path or header parameter is text unless its format says otherwise.</summary>
    public static void RepairParameter(IOpenApiParameter parameter)
    {
        if (parameter.Schema is not OpenApiSchema schema) return;
        Repair(schema);
        schema.Type ??= JsonSchemaType.String;
    }

    /// <summary>Enums are written as snake_case strings; without a type NSwag generates an integer enum.</summary>
    private static JsonSchemaType? TypeOfEnum(IList<System.Text.Json.Nodes.JsonNode>? values) =>
        values is { Count: > 0 } && values.All(v => v is null || v.GetValueKind() == System.Text.Json.JsonValueKind.String)
            ? values.Any(v => v is null) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String
            : null;

    private static JsonSchemaType? TypeOfFormat(string? format) => format switch
    {
        "int32" or "int64" => JsonSchemaType.Integer,
        "double" or "float" or "decimal" => JsonSchemaType.Number,
        "date-time" or "date" or "uuid" or "uri" or "email" or "byte" or "binary" => JsonSchemaType.String,
        _ => null,
    };
}
