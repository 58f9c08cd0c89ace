using static LlmLab.IntegrationTests.HostileInput.HostileCase;
using static LlmLab.IntegrationTests.HostileInput.Values;

namespace LlmLab.IntegrationTests.HostileInput;

public static partial class HostileCases
{
    private static IEnumerable<HostileCase> OtherBodies(TargetIds ids)
    {
        var post = HttpMethod.Post;
        // Generate: the experiment id must be the caller's.
        foreach (var (name, raw, field) in new[]
                 {
                     ("unknown", Quote(Unknown.ToString()), "experiment_id"), ("foreign", Quote(ids.ForeignExperiment.ToString()), "experiment_id"),
                     ("nil", Quote(Nil), "experiment_id"), ("not-a-uuid", Quote("abc"), "experiment_id"), ("number", "123", "experiment_id"),
                     ("nul", Quote("\\u0000"), "experiment_id"),
                 })
        {
            yield return new($"generate:{name}", post, "/api/responses/generate", Json($"{{\"experiment_id\":{raw}}}"), field);
        }
        yield return new("generate:missing", post, "/api/responses/generate", Json("{}"), "experiment_id");

        // Metrics of texts and of stored responses.
        var text = (string field, string raw) => Json($"{{\"texts\":[{JsonObject(new[] { ("text", Quote("Rain falls.")), ("prompt", Quote("Why rain?")) }.Where(f => f.Item1 != field).Append((field, raw)))}]}}");
        foreach (var (field, max) in new[] { ("text", 1_000_000), ("prompt", 100_000), ("reference", 1_000_000) })
        {
            foreach (var (name, raw) in BadStrings(max).Where(s => s.Name != "over-long" || field == "prompt"))
            {
                yield return new($"metrics-text:{name}", post, "/api/metrics/batch", text(field, raw), $"texts[0].{field}|texts");
            }
        }
        yield return new("metrics:over-4MB", post, "/api/metrics/batch",
            Json("{\"texts\":[" + string.Join(",", Enumerable.Range(0, 5).Select(_ => $"{{\"text\":{Quote(new string('w', 900_000))}}}")) + "]}"), "body|texts");
        yield return new("metrics:too-many-texts", post, "/api/metrics/batch",
            Json("{\"texts\":[" + string.Join(",", Enumerable.Range(0, 1001).Select(_ => "{\"text\":\"a\"}")) + "]}"), "texts");
        yield return new("metrics:too-many-ids", post, "/api/metrics/batch",
            Json("{\"response_ids\":[" + string.Join(",", Enumerable.Range(0, 1001).Select(_ => Quote(Guid.NewGuid().ToString()))) + "]}"), "response_ids");
        yield return new("metrics:neither", post, "/api/metrics/batch", Json("{}"), "response_ids");
        yield return new("metrics:bad-id", post, "/api/metrics/batch", Json("{\"response_ids\":[\"abc\"]}"), "response_ids");
        yield return new("compare:unknown", post, "/api/metrics/compare", Json($"{{\"response_ids\":[{Quote(Unknown.ToString())},{Quote(Guid.NewGuid().ToString())}]}}"), "response_ids");
        yield return new("compare:one", post, "/api/metrics/compare", Json($"{{\"response_ids\":[{Quote(Unknown.ToString())}]}}"), "response_ids");
        yield return new("compare:too-many", post, "/api/metrics/compare",
            Json("{\"response_ids\":[" + string.Join(",", Enumerable.Range(0, 51).Select(_ => Quote(Guid.NewGuid().ToString()))) + "]}"), "response_ids");
        foreach (var (field, max) in new[] { ("provider", 100), ("model", 200), ("rubric", 10_000) })
        {
            foreach (var (name, raw) in BadStrings(max))
            {
                var judge = JsonObject(new[] { ("provider", Quote("local")) }.Where(f => f.Item1 != field).Append((field, raw)));
                yield return new($"compare-judge:{name}", post, "/api/metrics/compare",
                    Json($"{{\"response_ids\":[{Quote(Unknown.ToString())},{Quote(Guid.NewGuid().ToString())}],\"judge\":{judge}}}"), $"judge.{field}|judge");
            }
        }

        // Exports.
        foreach (var (name, raw, field) in new[]
                 {
                     ("unknown", Quote(Unknown.ToString()), "batch_id"), ("foreign", Quote(ids.ForeignBatch.ToString()), "batch_id"), ("nil", Quote(Nil), "batch_id"),
                     ("not-a-uuid", Quote("abc"), "batch_id"), ("missing", "null", "batch_id"),
                 })
        {
            yield return new($"export-batch:{name}", post, "/api/export/batch", Json($"{{\"batch_id\":{raw},\"format\":\"csv\"}}"), field);
        }
        foreach (var (name, raw) in BadStrings(20).Append(("unknown", Quote("exe"))))
        {
            yield return new($"export-format:{name}", post, "/api/export/batch", Json($"{{\"batch_id\":{Quote(ids.OwnBatch.ToString())},\"format\":{raw}}}"), "format");
            yield return new($"custom-format:{name}", post, "/api/export/custom", Json($"{{\"format\":{raw}}}"), "format");
        }
        foreach (var (name, raw) in new[]
                 {
                     ("unknown", "[\"nope\"]"), ("number", "[1]"), ("nul", "[\"seed\\u0000\"]"), ("duplicate", "[\"seed\",\"seed\"]"), ("not-a-list", Quote("seed")),
                     ("1.1MB", "[" + string.Join(",", Enumerable.Range(0, 160_000).Select(_ => "\"seed\"")) + "]"),
                 })
        {
            yield return new($"custom-fields:{name}", post, "/api/export/custom", Json($"{{\"format\":\"csv\",\"fields\":{raw}}}"), "fields");
        }
        foreach (var (filter, raw) in new[]
                 {
                     ("experiment_id", Quote("abc")), ("batch_id", "12"), ("provider", Quote("a\\u0000b")), ("model", Quote("\\ud800")),
                     ("min_overall_score", "1e309"), ("max_overall_score", Quote("NaN")), ("temperature_min", Quote("Infinity")), ("temperature_max", "{}"),
                     ("created_after", Quote("not-a-date")), ("created_before", "12"),
                 })
        {
            yield return new($"custom-filter:{filter}", post, "/api/export/custom", Json($"{{\"format\":\"csv\",\"filters\":{{\"{filter}\":{raw}}}}}"), $"filters.{filter}");
        }
        yield return new("custom-filter:reversed", post, "/api/export/custom",
            Json("{\"format\":\"csv\",\"filters\":{\"min_overall_score\":90,\"max_overall_score\":10}}"), "filters.min_overall_score");

        // Quality analysis of an ad-hoc text.
        var analyze = (string field, string raw) => Json(JsonObject(new[] { ("text", Quote("Rain falls from clouds.")) }.Where(f => f.Item1 != field).Append((field, raw))));
        foreach (var (field, max) in new[] { ("text", 1_000_000), ("prompt", 100_000), ("reference", 1_000_000), ("finish_reason", 200) })
        {
            foreach (var (name, raw) in BadStrings(max)) yield return new($"analyze-text:{name}", post, "/api/quality/analyze", analyze(field, raw), field);
        }
        foreach (var (name, raw) in new[] { ("1e309", "1e309"), ("Infinity", Quote("Infinity")), ("NaN", Quote("NaN")), ("negative", "-1"), ("text", Quote("x")) })
        {
            yield return new($"analyze-weight:{name}", post, "/api/quality/analyze", analyze("weights", $"{{\"coherence\":{raw}}}"), "weights");
        }
        yield return new("analyze-weight:unknown", post, "/api/quality/analyze", analyze("weights", "{\"nope\":1}"), "weights");
        foreach (var (name, raw) in BadPositiveInts.Where(v => v.Name is not ("zero")))
        {
            yield return new($"analyze-max-tokens:{name}", post, "/api/quality/analyze", analyze("max_tokens", raw), "max_tokens");
        }

        // The tenant's default provider, and providers added at run time.
        foreach (var field in new[] { "provider", "model" })
        {
            foreach (var (name, raw) in BadStrings(field == "provider" ? 100 : 200))
            {
                var body = JsonObject(new[] { ("provider", Quote("local")) }.Where(f => f.Item1 != field).Append((field, raw)));
                yield return new($"switch:{name}", post, "/api/llm/provider/switch", Json(body), field);
            }
        }
        foreach (var field in new[] { "name", "kind", "base_url", "api_key" })
        {
            foreach (var (name, raw) in BadStrings(2_000))
            {
                yield return new($"add-provider:{name}", post, "/api/llm/providers", Json(JsonObject(new[] { (field, raw) })), null);
            }
        }
    }

    private static IEnumerable<HostileCase> ChatCompletions()
    {
        const string path = "/v1/chat/completions";
        var post = HttpMethod.Post;
        var chat = (string extra, string content) => Json($"{{\"model\":\"local\",\"messages\":[{{\"role\":\"user\",\"content\":{content}}}]{extra}}}");
        foreach (var (name, raw, param) in new[]
                 {
                     ("stop-number", ",\"stop\":[1]", "stop"), ("stop-object", ",\"stop\":{}", "stop"), ("stop-five", ",\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]", "stop"),
                     ("stop-nul", ",\"stop\":\"a\\u0000\"", "stop"), ("stop-surrogate", ",\"stop\":[\"\\udfff\"]", "stop"),
                     ("stop-long", $",\"stop\":{Quote(new string('s', 1_001))}", "stop"), ("temperature-1e309", ",\"temperature\":1e309", "temperature"),
                     ("temperature-5", ",\"temperature\":5", "temperature"), ("temperature-NaN", ",\"temperature\":\"NaN\"", "temperature"),
                     ("top-p-0", ",\"top_p\":0", "top_p"), ("top-p-2", ",\"top_p\":2", "top_p"), ("max-tokens-0", ",\"max_tokens\":0", "max_tokens"),
                     ("max-tokens-huge", ",\"max_tokens\":2147483648", "max_tokens"), ("n-0", ",\"n\":0", "n"), ("n-17", ",\"n\":17", "n"), ("logit-bias", ",\"logit_bias\":{\"1\":-100}", "logit_bias"), ("seed-text", ",\"seed\":\"x\"", "seed"),
                     ("stream-text", ",\"stream\":\"yes\"", "stream"), ("penalty-3", ",\"frequency_penalty\":3", "frequency_penalty"),
                     ("penalty-text", ",\"presence_penalty\":\"x\"", "presence_penalty"),
                 })
        {
            yield return new($"chat:{name}", post, path, chat(raw, Quote("hi")), param);
        }
        foreach (var (name, content) in new[]
                 {
                     ("number", "42"), ("object", "{}"), ("boolean", "true"), ("part-number", "[7]"), ("part-text-number", "[{\"type\":\"text\",\"text\":5}]"),
                     ("part-type-number", "[{\"type\":3}]"), ("part-text-missing", "[{\"type\":\"text\"}]"), ("lone-high", Quote("a\\ud800b")),
                     ("lone-low", Quote("\\udc00")), ("nul", Quote("a\\u0000b")), ("part-surrogate", "[{\"type\":\"text\",\"text\":\"\\ud800\"}]"),
                     ("over-long", Quote(new string('x', 100_001))),
                 })
        {
            yield return new($"chat-content:{name}", post, path, chat("", content), "messages[0].content");
        }
        yield return new("chat-content:invalid-utf8", post, path, JsonWithInvalidUtf8(
            $"{{\"model\":\"local\",\"messages\":[{{\"role\":\"user\",\"content\":\"a{BadUtf8Marker}\"}}]}}"), "messages[0].content");
        foreach (var (name, raw) in BadStrings(301)) yield return new($"chat-model:{name}", post, path, Json($"{{\"model\":{raw},\"messages\":[{{\"role\":\"user\",\"content\":\"hi\"}}]}}"), "model");
        foreach (var (name, raw) in new[] { ("unknown", Quote("wizard")), ("number", "1"), ("nul", Quote("us\\u0000er")) })
        {
            yield return new($"chat-role:{name}", post, path, Json($"{{\"model\":\"local\",\"messages\":[{{\"role\":{raw},\"content\":\"hi\"}}]}}"), "messages[0].role");
        }
        yield return new("chat:no-messages", post, path, Json("{\"model\":\"local\",\"messages\":[]}"), "messages");
        yield return new("chat:null-message", post, path, Json("{\"model\":\"local\",\"messages\":[null]}"), "messages[0]");
        yield return new("chat:1001-messages", post, path,
            Json("{\"model\":\"local\",\"messages\":[" + string.Join(",", Enumerable.Range(0, 1001).Select(_ => "{\"role\":\"user\",\"content\":\"x\"}")) + "]}"), "messages");
        yield return new("chat:100000-messages", post, path,
            Json("{\"model\":\"local\",\"messages\":[" + string.Join(",", Enumerable.Range(0, 100_000).Select(_ => "{\"role\":\"user\",\"content\":\"x\"}")) + "]}"), "body|messages");
        yield return new("chat:20MB-stop", post, path, Json($"{{\"model\":\"local\",\"messages\":[{{\"role\":\"user\",\"content\":\"hi\"}}],\"stop\":{Quote(new string('s', 20_000_000))}}}"), "body|stop");
        yield return new("chat:text-plain", post, path, Json("{\"model\":\"local\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "text/plain"), "Content-Type");
    }
}
