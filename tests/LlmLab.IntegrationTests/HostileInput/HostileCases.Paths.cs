using static LlmLab.IntegrationTests.HostileInput.HostileCase;

namespace LlmLab.IntegrationTests.HostileInput;

public static partial class HostileCases
{
    /// <summary>Every route with an id in its path, by the kind of id, its methods, and the route parameter's name.</summary>
    private static readonly (string Template, string Kind, string[] Methods, string Parameter)[] IdRoutes =
    [
        ("/api/experiments/{id}", "experiment", ["GET", "PUT", "DELETE"], "id"),
        ("/api/experiments/{id}/progress", "experiment", ["GET"], "experimentId"),
        ("/api/responses/{id}", "experiment", ["GET"], "experimentId"),
        ("/api/export/{id}", "experiment", ["GET"], "experimentId"),
        ("/api/export/{id}/csv", "experiment", ["GET"], "experimentId"),
        ("/api/responses/single/{id}", "response", ["GET"], "id"),
        ("/api/metrics/{id}", "response", ["GET"], "responseId"),
        ("/api/experiments/batch/{id}", "batch", ["GET", "DELETE"], "id"),
        ("/api/experiments/batch/{id}/start", "batch", ["POST"], "id"),
        ("/api/experiments/batch/{id}/pause", "batch", ["POST"], "id"),
        ("/api/experiments/batch/{id}/retry-errors", "batch", ["POST"], "id"),
        ("/api/experiments/batch/{id}/rescore", "batch", ["POST"], "id"),
        ("/api/experiments/batch/{id}/status", "batch", ["GET"], "id"),
        ("/api/experiments/batch/{id}/progress", "batch", ["GET"], "id"),
        ("/api/experiments/batch/{id}/items", "batch", ["GET"], "id"),
        ("/api/experiments/batch/{id}/analysis", "batch", ["GET"], "id"),
        ("/api/experiments/batch/{id}/optimization", "batch", ["GET"], "id"),
        ("/api/experiments/batch/{id}/responses", "batch", ["GET"], "id"),
        ("/api/experiments/batch/{id}/heatmap", "batch", ["GET"], "id"),
        ("/api/experiments/batch/{id}/matrix", "batch", ["GET"], "id"),
        ("/api/experiments/batch/{id}/insights", "batch", ["GET"], "id"),
        ("/api/experiments/batch/{id}/optimize", "batch", ["GET"], "id"),
    ];

    /// <summary>
    /// Kestrel itself refuses a NUL in the request target (400, empty body, connection closed) before any middleware runs,
    /// so these cases cannot be problem+json; they must still be a 400 and never reach a service.
    /// </summary>
    public const string KestrelRefusal = "kestrel:";

    private const string ValidUpdate = "{\"name\":\"should-never-be-written\"}";

    private static IEnumerable<HostileCase> PathIds(TargetIds ids)
    {
        foreach (var (template, kind, methods, parameter) in IdRoutes)
        {
            var foreign = kind switch { "experiment" => ids.ForeignExperiment, "batch" => ids.ForeignBatch, _ => Guid.NewGuid() };
            foreach (var method in methods.Select(m => new HttpMethod(m)))
            {
                var body = method == HttpMethod.Put ? Json(ValidUpdate) : NoBody;
                // An unknown or foreign id is a 404 whose detail names the id; the nil UUID a 400 naming the route parameter.
                yield return new("id:unknown", method, template.Replace("{id}", Unknown.ToString()), body, "~" + Unknown);
                yield return new("id:foreign", method, template.Replace("{id}", foreign.ToString()), body, "~" + foreign);
                yield return new("id:nil", method, template.Replace("{id}", Nil), body, parameter);
                yield return new("id:not-a-uuid", method, template.Replace("{id}", "not-a-uuid"), body, null);
                yield return new(KestrelRefusal + "nul-in-path", method, template.Replace("{id}", "ab%00cd"), body, null);
            }
        }
        yield return new("provider-name:unknown", HttpMethod.Delete, "/api/llm/providers/no-such-provider-hostile", NoBody, "~no-such-provider-hostile");
        yield return new(KestrelRefusal + "nul-in-path", HttpMethod.Delete, "/api/llm/providers/a%00b", NoBody, null);
        yield return new("provider-name:over-long", HttpMethod.Delete, "/api/llm/providers/" + new string('p', 201), NoBody, "name");
        yield return new(KestrelRefusal + "nul-in-path", HttpMethod.Get, "/api/export/analytics/a%00b", NoBody, null);
    }

    /// <summary>Every path of the contract with each method it does not serve: 405 (or 404), never a 5xx.</summary>
    private static IEnumerable<HostileCase> Methods()
    {
        var served = new Dictionary<string, string[]>
        {
            ["/api/experiments"] = ["GET", "POST"], ["/api/experiments/batch"] = ["GET", "POST"], ["/api/responses/generate"] = ["POST"],
            ["/api/responses/scored"] = ["GET"], ["/api/metrics/batch"] = ["POST"], ["/api/metrics/compare"] = ["POST"], ["/api/export/batch"] = ["POST"],
            ["/api/export/custom"] = ["POST"], ["/api/export/analytics/breakdown"] = ["GET"], ["/api/quality/analyze"] = ["POST"],
            ["/api/llm/provider"] = ["GET"], ["/api/llm/provider/switch"] = ["POST"], ["/api/llm/models"] = ["GET"], ["/api/llm/providers"] = ["GET", "POST"],
            ["/v1/chat/completions"] = ["POST"], ["/v1/models"] = ["GET"], ["/v1/completions"] = ["POST"], ["/v1/responses"] = ["POST"],
            ["/v1/models/local"] = ["GET"], ["/api/analytics/quality/trends"] = ["GET"],
            ["/api/analytics/quality/breakdown"] = ["GET"], ["/api/analytics/models/comparison"] = ["GET"], ["/api/analytics/parameters/optimization"] = ["GET"],
            ["/api/analytics/parameters/correlation"] = ["GET"], ["/api/analytics/parameters/insights"] = ["GET"],
            ["/api/analytics/methods/comparison"] = ["GET"], ["/api/analytics/rebuild"] = ["POST"],
            ["/api/training/jobs"] = ["GET", "POST"], [$"/api/training/jobs/{Unknown}/report"] = ["GET"],
            ["/api/test-submissions"] = ["GET", "POST"], ["/api/test-submissions/agreement"] = ["GET"],
            ["/api/events/stream"] = ["GET"], ["/api/experiments/batch/compare"] = ["GET"],
            ["/api/experiments/batch/estimate"] = ["GET"], ["/api/analytics/summary"] = ["GET"],
        };
        foreach (var (template, _, methods, _) in IdRoutes) served[template.Replace("{id}", Unknown.ToString())] = methods;
        string[] all = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];
        foreach (var (path, methods) in served)
        {
            foreach (var method in all.Except(methods))
            {
                var body = method is "POST" or "PUT" or "PATCH" ? Json("{}") : NoBody;
                yield return new($"method:{method}", new HttpMethod(method), path, body, null);
            }
        }
    }

    /// <summary>
    /// Routes API.md lists that no service serves yet, and the newest services' routes (datasets, evaluations, documents,
    /// search) with bodies they don't expect: refused cleanly (4xx problem+json), never a 5xx or the web app's HTML.
    /// `/v1/embeddings` answers in OpenAI's error shape and is covered by EmbeddingsEndpointTests. `/api/feedback/agreement`
    /// takes no `page` and answers 200 to an empty agreement; FeedbackTests covers its bad input.
    /// </summary>
    private static IEnumerable<HostileCase> NotYetServed()
    {
        string[] paths =
        [
            "/api/datasets", $"/api/datasets/{Unknown}", $"/api/datasets/{Unknown}/items", "/api/evaluations", $"/api/evaluations/{Unknown}",
            $"/api/evaluations/{Unknown}/comparison", "/api/documents", "/api/knowledge/search", $"/api/experiments/{Unknown}/gates", $"/api/runs/{Unknown}/gate", "/api/alerts",
            "/api/webhooks", $"/api/responses/{Unknown}/feedback", $"/api/experiments/batch/{Unknown}/optimize",
            "/api/annotation-queues", $"/api/annotation-queues/{Unknown}", $"/api/annotation-queues/{Unknown}/next",
            $"/api/datasets/{Unknown}/versions/from-feedback", $"/api/evaluations/{Unknown}/gates", $"/api/evaluations/{Unknown}/gate",
        ];
        foreach (var path in paths)
        {
            yield return new("unserved:get", HttpMethod.Get, path + "?page=%00", NoBody, null);
            yield return new("unserved:post", HttpMethod.Post, path, Json("{\"name\":\"a\\u0000b\",\"url\":\"http://169.254.169.254/\"}"), null);
        }
    }
}
