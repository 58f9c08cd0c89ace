using System.Text.Json.Nodes;
using LlmLab.Gateway.OpenApi;

namespace LlmLab.UnitTests.OpenApi;

public class OpenApiMergerTests
{
    private static readonly GatewayRouteTable Routes = new([
        new GatewayRoute("/api/experiments/batch/{**rest}", "batch"),
        new GatewayRoute("/api/experiments/{**rest}", "experiments"),
        new GatewayRoute("/api/experiments/{id}/progress", "batch"),
        new GatewayRoute("/api/me", "identity"),
    ]);

    private static ServiceDocument Document(string cluster, string paths, string schemas) =>
        new(cluster, JsonNode.Parse("{\"openapi\":\"3.0.1\",\"paths\":{" + paths + "},\"components\":{\"schemas\":{" + schemas + "}}}")!.AsObject());

    private static string Op(string schema) =>
        "{\"get\":{\"responses\":{\"200\":{\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/" + schema + "\"}}}}}}}";

    [Fact]
    public void Each_service_keeps_only_the_paths_the_gateway_routes_to_it()
    {
        var experiments = Document("experiments",
            $"\"/api/experiments\":{Op("Experiment")},\"/api/experiments/{{id}}\":{Op("Experiment")},\"/internal/experiments/{{id}}\":{Op("Experiment")}",
            "\"Experiment\":{\"type\":\"object\"}");
        var batch = Document("batch",
            $"\"/api/experiments/batch\":{Op("Run")},\"/api/experiments/{{experimentId}}/progress\":{Op("Run")},\"/api/experiments/{{id}}\":{Op("Run")}",
            "\"Run\":{\"type\":\"object\"}");

        var merged = OpenApiMerger.Merge([experiments, batch], Routes, []);

        var paths = merged["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(["/api/experiments", "/api/experiments/batch", "/api/experiments/{experimentId}/progress", "/api/experiments/{id}"], paths);
        // /api/experiments/{id} is the experiments service's: batch's copy of the path is not the one the gateway reaches.
        Assert.Equal("#/components/schemas/Experiment",
            merged["paths"]!["/api/experiments/{id}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void A_schema_name_two_services_define_differently_is_prefixed_with_each_service_and_references_follow()
    {
        var experiments = Document("experiments", $"\"/api/experiments\":{Op("View")}", "\"View\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}},\"Shared\":{\"type\":\"string\"}");
        var identity = Document("identity", $"\"/api/me\":{Op("View")}", "\"View\":{\"type\":\"object\",\"properties\":{\"role\":{\"type\":\"string\"}}},\"Shared\":{\"type\":\"string\"}");

        var merged = OpenApiMerger.Merge([experiments, identity], Routes, []);

        var schemas = merged["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToList();
        Assert.Equal(["ExperimentsView", "IdentityView", "Shared"], schemas);
        Assert.Equal("#/components/schemas/IdentityView",
            merged["paths"]!["/api/me"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal("role", merged["components"]!["schemas"]!["IdentityView"]!["properties"]!.AsObject().Single().Key);
    }

    [Fact]
    public void A_missing_service_is_named_and_the_rest_is_still_merged()
    {
        var experiments = Document("experiments", $"\"/api/experiments\":{Op("Experiment")}", "\"Experiment\":{\"type\":\"object\"}");

        var merged = OpenApiMerger.Merge([experiments], Routes, ["batch"]);

        Assert.Single(merged["paths"]!.AsObject());
        Assert.Equal("batch", merged["x-llmlab-unavailable-services"]!.AsArray().Single()!.GetValue<string>());
        Assert.Contains("batch", merged["info"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("X-Api-Key", merged["components"]!["securitySchemes"]!["ApiKey"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void The_gateways_own_api_paths_are_kept_though_no_route_leads_to_them()
    {
        var gateway = Document(OpenApiMerger.GatewayClusterId,
            $"\"/api/experiments/batch/{{id}}/progress-token\":{Op("Token")},\"/alive\":{Op("Token")}", "\"Token\":{\"type\":\"object\"}");

        var merged = OpenApiMerger.Merge([gateway], Routes, []);

        Assert.Equal("/api/experiments/batch/{id}/progress-token", Assert.Single(merged["paths"]!.AsObject()).Key);
    }

    [Theory]
    [InlineData("/api/experiments/batch", "batch")]
    [InlineData("/api/experiments/batch/{id}/status", "batch")]
    [InlineData("/api/experiments/{id}/progress", "batch")]
    [InlineData("/api/experiments/{id}", "experiments")]
    [InlineData("/api/experiments", "experiments")]
    [InlineData("/api/me", "identity")]
    [InlineData("/api/me/extra", null)]
    [InlineData("/internal/runs", null)]
    public void The_route_table_picks_the_route_routing_would(string path, string? cluster) =>
        Assert.Equal(cluster, Routes.ClusterFor(path));
}
