using System.Text.Json.Nodes;

namespace LlmLab.Gateway.OpenApi;

/// <summary>
/// Merges the services' OpenAPI documents into the platform's one contract: the paths each service really serves
/// through the gateway, their schemas (a name two services define differently is prefixed with the service, and every
/// reference to it rewritten), and the gateway's credential (X-Api-Key or a bearer token) as the security scheme.
/// </summary>
public static class OpenApiMerger
{
    private const string SchemaRefPrefix = "#/components/schemas/";
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";
    /// <summary>The gateway's own document: its paths are served by the gateway itself, not routed.</summary>
    public const string GatewayClusterId = "gateway";

    public static JsonObject Merge(IReadOnlyList<ServiceDocument> documents, GatewayRouteTable routes, IReadOnlyList<string> unavailable)
    {
        var renames = CollidingSchemaRenames(documents);
        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var source in documents.OrderBy(d => d.ClusterId, StringComparer.Ordinal))
        {
            var document = (JsonObject)source.Document.DeepClone();
            if (renames.TryGetValue(source.ClusterId, out var renamed)) RewriteReferences(document, renamed);
            AddPaths(paths, document, source.ClusterId, routes);
            AddSchemas(schemas, document);
        }
        return new JsonObject
        {
            ["openapi"] = documents.Select(d => d.Document["openapi"]?.GetValue<string>()).FirstOrDefault(v => v is not null) ?? "3.0.1",
            ["info"] = new JsonObject
            {
                ["title"] = "LLM Lab",
                ["version"] = "v1",
                ["description"] = "The platform's REST contract through the gateway, merged from every service's own document."
                    + (unavailable.Count == 0 ? "" : $" Missing now (service unreachable): {string.Join(", ", unavailable)}."),
            },
            ["paths"] = Sorted(paths),
            ["components"] = new JsonObject
            {
                ["schemas"] = Sorted(schemas),
                ["securitySchemes"] = SecuritySchemes(),
            },
            ["security"] = new JsonArray(
                new JsonObject { [ApiKeyScheme] = new JsonArray() },
                new JsonObject { [BearerScheme] = new JsonArray() }),
            ["x-llmlab-unavailable-services"] = new JsonArray(unavailable.Select(u => (JsonNode)JsonValue.Create(u)).ToArray()),
        };
    }

    /// <summary>Per service, the schema names to prefix: those another service defines with a different body.</summary>
    public static Dictionary<string, Dictionary<string, string>> CollidingSchemaRenames(IReadOnlyList<ServiceDocument> documents)
    {
        var definitions = documents
            .SelectMany(d => Schemas(d.Document).Select(s => (d.ClusterId, Name: s.Key, Body: s.Value)))
            .GroupBy(s => s.Name, StringComparer.Ordinal);
        var renames = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var group in definitions)
        {
            var variants = group.ToList();
            if (variants.All(v => JsonNode.DeepEquals(v.Body, variants[0].Body))) continue;
            foreach (var (clusterId, name, _) in variants)
            {
                if (!renames.TryGetValue(clusterId, out var map)) renames[clusterId] = map = new Dictionary<string, string>(StringComparer.Ordinal);
                map[name] = Prefix(clusterId) + name;
            }
        }
        return renames;
    }

    private static void AddPaths(JsonObject paths, JsonObject document, string clusterId, GatewayRouteTable routes)
    {
        if (document["paths"] is not JsonObject own) return;
        foreach (var (path, item) in own)
        {
            if (item is not JsonObject operations || !Serves(clusterId, path, routes)) continue;
            if (paths[path] is not JsonObject merged) paths[path] = merged = new JsonObject();
            foreach (var (method, operation) in operations)
            {
                merged[method] = operation?.DeepClone();
            }
        }
    }

    /// <summary>Names are unique or identical in body by now (see <see cref="CollidingSchemaRenames"/>): the first one stays.</summary>
    private static bool Serves(string clusterId, string path, GatewayRouteTable routes) =>
        clusterId == GatewayClusterId ? path.StartsWith("/api/", StringComparison.Ordinal) : routes.ClusterFor(path) == clusterId;

    private static void AddSchemas(JsonObject schemas, JsonObject document)
    {
        foreach (var (name, body) in Schemas(document))
        {
            schemas[name] ??= body?.DeepClone();
        }
    }

    private static List<KeyValuePair<string, JsonNode?>> Schemas(JsonObject document) =>
        document["components"]?["schemas"] is JsonObject schemas ? schemas.ToList() : [];

    private static void RewriteReferences(JsonNode? node, Dictionary<string, string> renamed)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target)
                    && target.StartsWith(SchemaRefPrefix, StringComparison.Ordinal)
                    && renamed.TryGetValue(target[SchemaRefPrefix.Length..], out var newName))
                {
                    obj["$ref"] = SchemaRefPrefix + newName;
                }
                if (obj["components"]?["schemas"] is JsonObject schemas)
                {
                    foreach (var (oldName, newSchemaName) in renamed)
                    {
                        if (schemas[oldName] is not { } body) continue;
                        schemas.Remove(oldName);
                        schemas[newSchemaName] = body;
                    }
                }
                foreach (var (_, child) in obj.ToList()) RewriteReferences(child, renamed);
                break;
            case JsonArray array:
                foreach (var child in array) RewriteReferences(child, renamed);
                break;
        }
    }

    private static JsonObject SecuritySchemes() => new()
    {
        [ApiKeyScheme] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "X-Api-Key" },
        [BearerScheme] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" },
    };

    private static JsonObject Sorted(JsonObject obj)
    {
        var sorted = new JsonObject();
        foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal).ToList())
        {
            obj.Remove(key);
            sorted[key] = value;
        }
        return sorted;
    }

    /// <summary>"llm-integration" → "LlmIntegration".</summary>
    private static string Prefix(string clusterId) =>
        string.Concat(clusterId.Split('-', '_', '.').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
