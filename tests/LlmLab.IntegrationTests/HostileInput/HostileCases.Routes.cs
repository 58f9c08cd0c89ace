using static LlmLab.IntegrationTests.HostileInput.HostileCase;
using static LlmLab.IntegrationTests.HostileInput.Values;

namespace LlmLab.IntegrationTests.HostileInput;

public static partial class HostileCases
{
    /// <summary>Every route that reads a JSON body, with the body cap it declares.</summary>
    /// <summary>Every route that reads a JSON body, with the body cap it declares and a body whose one string field (named) holds the marker.</summary>
    private static IEnumerable<(HttpMethod Method, string Path, long Cap, string Body, string Field)> JsonRoutes(TargetIds ids) =>
    [
        (HttpMethod.Post, "/api/experiments", 2 << 20, "{\"name\":\"x@\"}", "name"),
        (HttpMethod.Put, $"/api/experiments/{ids.OwnExperiment}", 2 << 20, "{\"name\":\"x@\"}", "name"),
        (HttpMethod.Post, "/api/experiments/batch", 2 << 20, "{\"name\":\"x@\"}", "name"),
        (HttpMethod.Post, $"/api/experiments/batch/{ids.OwnBatch}/optimize", 2 << 20, "{\"strategy\":\"x@\"}", "strategy"),
        (HttpMethod.Post, "/api/responses/generate", 2 << 20, "{\"experiment_id\":\"x@\"}", "experiment_id"),
        (HttpMethod.Post, "/api/metrics/batch", 3 << 20, "{\"texts\":[{\"text\":\"x@\"}]}", "texts[0].text"),
        (HttpMethod.Post, "/api/metrics/compare", 2 << 20, "{\"response_ids\":[\"x@\"]}", "response_ids"),
        (HttpMethod.Post, "/api/export/batch", 2 << 20, "{\"format\":\"x@\"}", "format"),
        (HttpMethod.Post, "/api/export/custom", 2 << 20, "{\"format\":\"x@\"}", "format"),
        (HttpMethod.Post, "/api/quality/analyze", 8 << 20, "{\"text\":\"x@\"}", "text"),
        (HttpMethod.Post, "/api/llm/provider/switch", 2 << 20, "{\"provider\":\"x@\"}", "provider"),
        (HttpMethod.Post, "/api/llm/providers", 2 << 20, "{\"name\":\"x@\"}", "name"),
        (HttpMethod.Post, "/v1/chat/completions", 2 << 20, "{\"model\":\"x@\"}", "model"),
        (HttpMethod.Post, "/v1/completions", 2 << 20, "{\"model\":\"x@\"}", "model"),
        (HttpMethod.Post, "/v1/responses", 2 << 20, "{\"model\":\"x@\"}", "model"),
        (HttpMethod.Post, "/api/evaluations", 2 << 20, "{\"name\":\"x@\"}", "name"),
        (HttpMethod.Post, "/api/knowledge/search", 2 << 20, "{\"query\":\"x@\"}", "query"),
        (HttpMethod.Post, "/api/training/jobs", 2 << 20, "{\"name\":\"x@\"}", "name"),
        (HttpMethod.Put, $"/api/experiments/{ids.OwnExperiment}/gates", 2 << 20, "{\"checks\":[{\"metric\":\"x@\"}]}", "checks[0].metric"),
        // Validated before the evaluation is looked up, so an unknown id still reaches every body rule.
        (HttpMethod.Put, $"/api/evaluations/{Unknown}/gates", 2 << 20, "{\"checks\":[{\"metric\":\"x@\"}]}", "checks[0].metric"),
        (HttpMethod.Post, "/api/webhooks", 2 << 20, "{\"url\":\"x@\"}", "url"),
        (HttpMethod.Post, $"/api/responses/{Unknown}/feedback", 2 << 20, "{\"label\":\"x@\"}", "label"),
    ];

    private static IEnumerable<HostileCase> BodyShapes(TargetIds ids)
    {
        foreach (var (method, path, cap, textBody, textField) in JsonRoutes(ids))
        {
            // A gate's body may be the list of checks itself (API.md), so an empty array is an empty list of checks.
            var any = path.StartsWith("/v1", StringComparison.Ordinal) ? "body|$|messages|model" : path.EndsWith("/gates", StringComparison.Ordinal) ? "body|$|checks" : "body|$";
            yield return new("body:malformed", method, path, Json("{\"name\": \"x\",, }"), any);
            yield return new("body:truncated", method, path, Json("{\"name\": \"x\""), any);
            yield return new("body:empty", method, path, Json(""), any);
            yield return new("body:null", method, path, Json("null"), any);
            yield return new("body:array", method, path, Json("[]"), any);
            yield return new("body:string", method, path, Json("\"text\""), any);
            yield return new("body:number", method, path, Json("1e309"), any);
            yield return new("body:deep-nesting", method, path, Json("{\"a\":" + Nested(1_000) + "}"), "a|body|$");
            yield return new("body:invalid-utf8", method, path, JsonWithInvalidUtf8(textBody.Replace("@", BadUtf8Marker, StringComparison.Ordinal)), textField);
            yield return new("content-type:text/plain", method, path, Json("{}", "text/plain"), "Content-Type");
            yield return new("content-type:xml", method, path, Json("<a/>", "application/xml"), "Content-Type");
            yield return new("content-type:form", method, path, Json("a=1", "application/x-www-form-urlencoded"), "Content-Type");
            yield return new("body:over-cap", method, path, OversizedJson("name", cap + 1024), "body");
        }
    }

    private static IEnumerable<HostileCase> QueryStrings(TargetIds ids)
    {
        var get = HttpMethod.Get;
        var overLong = new string('q', 2_001);
        foreach (var (query, field) in new[]
                 {
                     ("status=99", "status"), ("status=-1", "status"), ("status=sleeping", "status"), ("status=dr%00aft", "status"), ("tag=a%00b", "tag"),
                     ("q=a%00b", "q"), ($"q={overLong}", "q"), ("archived=maybe", "archived"), ("favorited=2", "favorited"), ($"tag={overLong}", "tag"),
                     ("q%00=x", "query"),
                 })
        {
            yield return new($"query:{field}", get, $"/api/experiments?{query}", NoBody, field);
        }
        var lists = new[]
        {
            "/api/experiments", "/api/experiments/batch", $"/api/experiments/batch/{ids.OwnBatch}/items", $"/api/responses/{ids.OwnExperiment}",
            $"/api/experiments/batch/{ids.OwnBatch}/responses"
        };
        foreach (var list in lists)
        {
            foreach (var value in BadPages)
            {
                yield return new("page", get, $"{list}?page={value}", NoBody, "page");
                yield return new("page_size", get, $"{list}?page_size={value}", NoBody, "page_size");
            }
        }
        foreach (var (query, field) in new[] { ("status=99", "status"), ("status=running", "status"), ("status=%00", "status") })
        {
            yield return new($"items:{field}", get, $"/api/experiments/batch/{ids.OwnBatch}/items?{query}", NoBody, field);
        }
        foreach (var (query, field) in new[]
                 {
                     ("temperature=abc", "temperature"), ("temperature=NaN", "temperature"), ("top_p=Infinity", "top_p"), ("top_p=1e309", "top_p"),
                     ("run_id=abc", "run_id"), ($"run_id={Nil}", "run_id"),
                 })
        {
            yield return new($"responses:{field}", get, $"/api/responses/{ids.OwnExperiment}?{query}", NoBody, field);
        }
        foreach (var (query, field) in new[]
                 {
                     ("temperature=abc", "temperature"), ("temperature=NaN", "temperature"), ("top_p=Infinity", "top_p"), ("max_tokens=1.5", "max_tokens"),
                     ("frequency_penalty=1e309", "frequency_penalty"), ("presence_penalty=-Infinity", "presence_penalty"), ("sort=content", "sort"),
                     ("sort=overall_score;drop", "sort"), ("order=sideways", "order"), ($"q={overLong}", "q"), ("q=a%00b", "q"),
                 })
        {
            yield return new($"run-responses:{field}", get, $"/api/experiments/batch/{ids.OwnBatch}/responses?{query}", NoBody, field);
        }
        foreach (var (query, field) in new[]
                 {
                     ("x=seed", "x"), ("x=%00", "x"), ("y=content", "y"), ("x=top_p&y=top_p", "y"), ("metric=nope", "metric"), ("metric=overall_score;drop", "metric"),
                     ("max_tokens=abc", "max_tokens"), ("temperature=NaN", "temperature"),
                 })
        {
            yield return new($"run-heatmap:{field}", get, $"/api/experiments/batch/{ids.OwnBatch}/heatmap?{query}", NoBody, field);
        }
        foreach (var (query, field) in new[] { ("columns=seed", "columns"), ("columns=%00", "columns"), ("columns=model;drop", "columns") })
        {
            yield return new($"run-matrix:{field}", get, $"/api/experiments/batch/{ids.OwnBatch}/matrix?{query}", NoBody, field);
        }
        foreach (var value in BadPages)
        {
            yield return new("run-matrix:page", get, $"/api/experiments/batch/{ids.OwnBatch}/matrix?page={value}", NoBody, "page");
            yield return new("run-matrix:page_size", get, $"/api/experiments/batch/{ids.OwnBatch}/matrix?page_size={value}", NoBody, "page_size");
        }
        foreach (var (query, field) in new[]
                 {
                     ("", "calls"), ("calls=0", "calls"), ("calls=-3", "calls"), ("calls=1000001", "calls"), ("calls=abc", "calls"), ("calls=1.5", "calls"),
                     ("calls=10&provider=a%00b", "provider"), ($"calls=10&provider={overLong}", "provider"), ("calls=10&model=a%00b", "model"),
                 })
        {
            yield return new($"estimate:{field}", get, $"/api/experiments/batch/estimate?{query}", NoBody, field);
        }
        var seven = string.Join(',', Enumerable.Range(0, 7).Select(_ => Guid.NewGuid()));
        foreach (var (query, field) in new[]
                 {
                     ("", "run_ids"), ($"run_ids={ids.OwnBatch}", "run_ids"), ($"run_ids={ids.OwnBatch},abc", "run_ids"), ($"run_ids={ids.OwnBatch},{ids.OwnBatch}", "run_ids"),
                     ($"run_ids={ids.OwnBatch},{ids.ForeignBatch}", "run_ids"), ($"run_ids={ids.OwnBatch},{Nil}", "run_ids"), ($"run_ids={seven}", "run_ids"),
                     ($"run_ids={ids.OwnBatch},{Unknown}&changed_only=maybe", "changed_only"), ($"run_ids={overLong}", "run_ids"),
                 })
        {
            yield return new($"run-compare:{field}", get, $"/api/experiments/batch/compare?{query}", NoBody, field);
        }
        foreach (var (query, field) in new[] { ("limit=0", "limit"), ("limit=5001", "limit"), ("limit=abc", "limit"), ("after=abc", "after"), ($"after={Nil}", "after") })
        {
            yield return new($"scored:{field}", get, $"/api/responses/scored?{query}", NoBody, field);
        }

        var views = new[]
        {
            "/api/analytics/quality/breakdown", "/api/analytics/quality/trends", "/api/analytics/models/comparison", "/api/analytics/parameters/optimization",
            "/api/analytics/parameters/correlation", "/api/analytics/parameters/insights", "/api/export/analytics/breakdown", "/api/export/analytics/correlation",
            "/api/analytics/summary",
        };
        var filters = new List<(string Query, string Field)>
        {
            ($"batch_id={Unknown}", "batch_id"), ($"batch_id={ids.ForeignBatch}", "batch_id"), ($"batch_id={Nil}", "batch_id"), ("batch_id=abc", "batch_id"),
            ($"run_id={Unknown}", "run_id"), ($"run_id={ids.ForeignBatch}", "run_id"), ($"experiment_id={Unknown}", "experiment_id"),
            ($"experiment_id={ids.ForeignExperiment}", "experiment_id"), ($"experiment_id={Nil}", "experiment_id"), ("experiment_id=%00", "experiment_id"),
            ("timeframe=0d", "timeframe"), ("timeframe=99999d", "timeframe"), ("timeframe=7y", "timeframe"), ("timeframe=%00", "timeframe"),
            ("experiment_type=other", "experiment_type"), ($"experiment_type={overLong}", "experiment_type"),
        };
        foreach (var view in views)
        {
            foreach (var (query, field) in filters) yield return new($"analytics:{field}", get, $"{view}?{query}", NoBody, field);
        }
        foreach (var view in new[] { "/api/analytics/quality/trends", "/api/analytics/parameters/optimization" })
        {
            yield return new("analytics:metric", get, $"{view}?metric=nope", NoBody, "metric");
            yield return new("analytics:metric", get, $"{view}?metric=overall_score;drop", NoBody, "metric");
        }
        foreach (var (query, field) in new[] { ("type=x", "type"), ("format=exe", "format"), ("format=%00", "format") })
        {
            var type = query.StartsWith("type", StringComparison.Ordinal) ? "nope" : "breakdown";
            yield return new($"analytics-export:{field}", get, $"/api/export/analytics/{type}?{(field == "type" ? "" : query)}", NoBody, field);
        }
        const string comparison = "/api/analytics/methods/comparison";
        foreach (var (query, field) in new[]
                 {
                     ("", "run_a"), ("run_a=abc", "run_a"), ($"run_a={Unknown}&run_b={ids.OwnBatch}", "run_a"),
                     ($"run_a={ids.ForeignBatch}&run_b={ids.OwnBatch}", "run_a"), ($"run_a={ids.OwnBatch}&run_b={ids.ForeignBatch}", "run_b"),
                     ($"run_a={ids.OwnBatch}&run_b={ids.OwnBatch}", "run_b"), ($"run_a={Nil}&run_b={ids.OwnBatch}", "run_a"),
                     ($"run_a={ids.OwnBatch}&run_b={Unknown}&metric=Bad-Name", "metric"), ($"run_a={ids.OwnBatch}&run_b={Unknown}&threshold=NaN", "threshold"),
                 })
        {
            yield return new($"comparison:{field}", get, $"{comparison}?{query}", NoBody, field);
        }
    }
}
