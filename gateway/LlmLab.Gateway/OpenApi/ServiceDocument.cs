using System.Text.Json.Nodes;

namespace LlmLab.Gateway.OpenApi;

/// <summary>One service's OpenAPI document, fetched by the gateway, with the cluster it came from.</summary>
public sealed record ServiceDocument(string ClusterId, JsonObject Document);
