using static LlmLab.IntegrationTests.HostileInput.HostileCase;
using static LlmLab.IntegrationTests.HostileInput.Values;

namespace LlmLab.IntegrationTests.HostileInput;

/// <summary>The ids the cases aim at: the hostile tenant's own, another tenant's (foreign), and ones that exist nowhere.</summary>
public sealed record TargetIds(Guid OwnExperiment, Guid OwnBatch, Guid ForeignExperiment, Guid ForeignBatch);

/// <summary>
/// Generates hostile requests for every route and method of the REST contract (API.md) and every route the services map:
/// bad text, bad numbers, wrong JSON types, malformed and oversized bodies, wrong content types, deep nesting, unknown,
/// foreign and nil ids, bad enums, huge pages and bad query strings. Every one must be refused with a 4xx naming the fault.
/// </summary>
public static partial class HostileCases
{
    public static readonly Guid Unknown = Guid.Parse("6f1c1c55-0000-4000-8000-00000000dead");
    public const string Nil = "00000000-0000-0000-0000-000000000000";

    public static List<HostileCase> All(TargetIds ids) =>
    [
        .. ExperimentBodies("POST", "/api/experiments"),
        .. ExperimentBodies("PUT", $"/api/experiments/{ids.OwnExperiment}"),
        .. BatchBodies(),
        .. OtherBodies(ids),
        .. EvaluationBodies(),
        .. KnowledgeAndTrainingBodies(),
        .. GateWebhookFeedbackBodies(ids),
        .. ChatCompletions(),
        .. BodyShapes(ids),
        .. QueryStrings(ids),
        .. PathIds(ids),
        .. Methods(),
        .. NotYetServed(),
    ];

    private static readonly (string Key, string Raw)[] ValidExperiment =
    [
        ("name", Quote("hostile-valid-base")), ("prompt", Quote("Explain rain.")), ("provider", Quote("local")),
        ("temperature_min", "0.2"), ("temperature_max", "1.0"), ("temperature_step", "0.4"),
        ("top_p_min", "0.5"), ("top_p_max", "1.0"), ("top_p_step", "0.25"), ("max_tokens", "60"), ("response_count", "1"),
    ];

    private static IEnumerable<HostileCase> ExperimentBodies(string method, string path)
    {
        var verb = new HttpMethod(method);
        var texts = new (string Field, int Max)[]
        {
            ("name", 200), ("description", 10_000), ("prompt", 100_000), ("provider", 100), ("model", 200), ("judge_provider", 100), ("judge_model", 200),
        };
        foreach (var (field, max) in texts)
        {
            foreach (var (name, raw) in BadStrings(max)) yield return new($"text:{name}", verb, path, Json(With(ValidExperiment, field, raw)), field);
            yield return new("text:invalid-utf8", verb, path, JsonWithInvalidUtf8(With(ValidExperiment, field, Quote("a" + BadUtf8Marker))), field);
        }
        foreach (var (name, raw) in new[] { ("nul", "[\"a\\u0000\"]"), ("surrogate", "[\"\\ud800\"]"), ("long", $"[{Quote(new string('t', 51))}]"),
                     ("too-many", "[" + string.Join(",", Enumerable.Range(0, 21).Select(i => Quote($"t{i}"))) + "]"), ("not-a-list", Quote("x")), ("numbers", "[1]") })
        {
            yield return new($"tags:{name}", verb, path, Json(With(ValidExperiment, "tags", raw)), "tags");
        }
        foreach (var field in new[] { "temperature_min", "temperature_max", "top_p_min", "top_p_max", "frequency_penalty", "presence_penalty" })
        {
            foreach (var (name, raw) in BadBoundedDoubles) yield return new($"number:{name}", verb, path, Json(With(ValidExperiment, field, raw)), field);
        }
        foreach (var field in new[] { "temperature_step", "top_p_step" })
        {
            // A step so tiny the grid exceeds the call limit is refused naming the count (response_count).
            foreach (var (name, raw) in BadSteps) yield return new($"step:{name}", verb, path, Json(With(ValidExperiment, field, raw)), $"{field}|response_count");
        }
        foreach (var field in new[] { "max_tokens", "response_count" })
        {
            foreach (var (name, raw) in BadPositiveInts) yield return new($"int:{name}", verb, path, Json(With(ValidExperiment, field, raw)), field);
        }
        foreach (var (name, raw) in BadLongs) yield return new($"long:{name}", verb, path, Json(With(ValidExperiment, "seed", raw)), "seed");
        foreach (var field in new[] { "is_favorited", "is_archived" })
        {
            foreach (var (name, raw) in BadBooleans) yield return new($"bool:{name}", verb, path, Json(With(ValidExperiment, field, raw)), field);
        }
        yield return new("deep-nesting", verb, path, Json(With(ValidExperiment, "tags", Nested(200))), "tags");
    }

    private static readonly (string Key, string Raw)[] ValidBatch =
    [
        ("name", Quote("hostile-batch-base")), ("prompt", Quote("Explain rain.")), ("provider", Quote("local")), ("response_count", "1"),
    ];

    private static IEnumerable<HostileCase> BatchBodies()
    {
        const string path = "/api/experiments/batch";
        foreach (var (field, max) in new[] { ("name", 200), ("description", 10_000), ("prompt", 100_000), ("provider", 100), ("model", 200) })
        {
            foreach (var (name, raw) in BadStrings(max)) yield return new($"text:{name}", HttpMethod.Post, path, Json(With(ValidBatch, field, raw)), field);
        }
        foreach (var dimension in new[] { "temperature", "top_p", "frequency_penalty", "presence_penalty" })
        {
            var field = $"parameter_ranges.{dimension}";
            foreach (var (name, raw) in BadSteps)
            {
                yield return new($"range-step:{name}", HttpMethod.Post, path, Json(With(ValidBatch, "parameter_ranges", $"{{\"{dimension}\":{{\"min\":0,\"max\":1,\"step\":{raw}}}}}")), field);
            }
            foreach (var (bound, raw) in new[] { ("min", "1e309"), ("max", Quote("NaN")), ("max", "1e30"), ("min", "-1e30") })
            {
                yield return new($"range-{bound}:{raw}", HttpMethod.Post, path, Json(With(ValidBatch, "parameter_ranges", $"{{\"{dimension}\":{{\"min\":{(bound == "min" ? raw : "0.5")},\"max\":{(bound == "max" ? raw : "1")},\"step\":0.1}}}}")), field);
            }
            foreach (var (name, raw) in new[] { ("list-1e309", "[0.5,1e309]"), ("list-text", "[\"a\"]"), ("list-empty", "[]"), ("string", Quote("x")),
                         ("boolean", "true"), ("huge-list", "[" + string.Join(",", Enumerable.Range(0, 20_001).Select(i => "0.5")) + "]") })
            {
                yield return new($"range-{name}", HttpMethod.Post, path, Json(With(ValidBatch, "parameter_ranges", $"{{\"{dimension}\":{raw}}}")), field);
            }
        }
        foreach (var (name, raw) in new[] { ("zero", "[0]"), ("too-big", "[40000]"), ("text", "[\"a\"]"), ("fraction", "[1.5]"), ("not-a-list", Quote("x")) })
        {
            yield return new($"max-tokens:{name}", HttpMethod.Post, path, Json(With(ValidBatch, "parameter_ranges", $"{{\"max_tokens\":{raw}}}")), "parameter_ranges.max_tokens");
        }
        foreach (var list in new[] { "model", "prompt" })
        {
            foreach (var (name, raw) in new[] { ("empty-entry", "[\"\"]"), ("nul", "[\"a\\u0000\"]"), ("surrogate", "[\"\\ud800\"]"), ("not-a-list", Quote("x")), ("numbers", "[1]"),
                         ("over-long", $"[{Quote(new string('m', 100_001))}]") })
            {
                yield return new($"list-{list}:{name}", HttpMethod.Post, path, Json(With(ValidBatch, "parameter_ranges", $"{{\"{list}\":{raw}}}")), $"parameter_ranges.{list}");
            }
        }
        foreach (var (name, raw) in BadPositiveInts) yield return new($"int:{name}", HttpMethod.Post, path, Json(With(ValidBatch, "response_count", raw)), "response_count");
        foreach (var (name, raw) in BadLongs) yield return new($"long:{name}", HttpMethod.Post, path, Json(With(ValidBatch, "seed", raw)), "seed");
        yield return new("grid-too-large", HttpMethod.Post, path, Json(With(ValidBatch, "parameter_ranges",
            "{\"temperature\":{\"min\":0,\"max\":2,\"step\":0.01},\"top_p\":{\"min\":0.01,\"max\":1,\"step\":0.01}}")), "parameter_ranges");
    }
}
