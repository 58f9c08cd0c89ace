using static LlmLab.IntegrationTests.HostileInput.HostileCase;
using static LlmLab.IntegrationTests.HostileInput.Values;

namespace LlmLab.IntegrationTests.HostileInput;

/// <summary>
/// The bodies of the routes added with evaluations, the knowledge base, training, gates, webhooks and feedback: every
/// field, including the options added later (an evaluation's judge, an agent's tool_calling, search's embedding model).
/// </summary>
public static partial class HostileCases
{
    private static readonly (string Key, string Raw)[] ValidEvaluation =
    [
        ("name", Quote("hostile-evaluation")), ("dataset_id", Quote(Unknown.ToString())), ("provider", Quote("local")),
        ("methods", "[{\"method\":\"naive\"}]"),
    ];

    private static IEnumerable<HostileCase> EvaluationBodies()
    {
        var post = HttpMethod.Post;
        const string path = "/api/evaluations";
        HostileCase Case(string category, string body, string field) => new($"evaluation-{category}", post, path, Json(body), field);

        foreach (var (field, max) in new[] { ("name", 200), ("provider", 100), ("model", 200) })
        {
            foreach (var (name, raw) in BadStrings(max)) yield return Case($"{field}:{name}", With(ValidEvaluation, field, raw), field);
        }
        foreach (var (field, max) in new[] { ("provider", 100), ("model", 200) })
        {
            foreach (var (name, raw) in BadStrings(max))
            {
                var judge = JsonObject(new[] { ("provider", Quote("local")) }.Where(f => f.Item1 != field).Append((field, raw)));
                yield return Case($"judge-{field}:{name}", With(ValidEvaluation, "judge", judge), $"judge.{field}");
            }
        }
        yield return Case("judge:no-provider", With(ValidEvaluation, "judge", "{\"model\":\"m\"}"), "judge.provider");
        yield return Case("judge:not-an-object", With(ValidEvaluation, "judge", Quote("local")), "judge");
        foreach (var (name, raw) in new[] { ("not-a-uuid", Quote("abc")), ("number", "12"), ("nil", Quote(Nil)), ("unknown", Quote(Unknown.ToString())), ("nul", Quote("\\u0000")) })
        {
            yield return Case($"dataset_id:{name}", With(ValidEvaluation, "dataset_id", raw), "dataset_id");
        }
        foreach (var (name, raw) in new[]
                 {
                     ("empty", "[]"), ("not-a-list", Quote("naive")), ("too-many", "[" + string.Join(",", Enumerable.Repeat("{\"method\":\"naive\"}", 21)) + "]"),
                 })
        {
            yield return Case($"methods:{name}", With(ValidEvaluation, "methods", raw), "methods");
        }
        foreach (var (name, raw) in new[] { ("unknown", Quote("oracle")), ("nul", Quote("naive\\u0000")), ("number", "1"), ("missing", "null") })
        {
            yield return Case($"method:{name}", With(ValidEvaluation, "methods", $"[{{\"method\":{raw}}}]"), "methods[0].method|methods[0]");
        }
        yield return Case("method:null-entry", With(ValidEvaluation, "methods", "[null]"), "methods[0]");
        yield return Case("method:duplicate-label", With(ValidEvaluation, "methods", "[{\"method\":\"naive\"},{\"method\":\"naive\"}]"), "methods[1].label");
        foreach (var option in new[] { "top_k", "chunk_size", "max_steps" })
        {
            foreach (var (name, raw) in BadPositiveInts)
            {
                yield return Case($"{option}:{name}", With(ValidEvaluation, "methods", $"[{{\"method\":\"agent\",\"options\":{{\"{option}\":{raw}}}}}]"),
                    $"methods[0].options.{option}");
            }
        }
        foreach (var (name, raw) in BadStrings(200))
        {
            yield return Case($"collection:{name}", With(ValidEvaluation, "methods", $"[{{\"method\":\"rag\",\"options\":{{\"collection\":{raw}}}}}]"), "methods[0].options.collection");
            yield return Case($"label:{name}", With(ValidEvaluation, "methods", $"[{{\"method\":\"naive\",\"label\":{raw}}}]"), "methods[0].label");
        }
        foreach (var (name, raw) in new[] { ("unknown", Quote("telepathy")), ("nul", Quote("auto\\u0000")), ("number", "1"), ("object", "{}"), ("empty", Quote("")) })
        {
            yield return Case($"tool_calling:{name}", With(ValidEvaluation, "methods", $"[{{\"method\":\"agent\",\"options\":{{\"tool_calling\":{raw}}}}}]"),
                "methods[0].options.tool_calling");
        }
        yield return Case("tool_calling:not-an-agent", With(ValidEvaluation, "methods", "[{\"method\":\"naive\",\"options\":{\"tool_calling\":\"native\"}}]"),
            "methods[0].options.tool_calling");
        foreach (var field in new[] { "temperature", "top_p" })
        {
            foreach (var (name, raw) in BadBoundedDoubles)
            {
                yield return Case($"parameters-{field}:{name}", With(ValidEvaluation, "parameters", $"{{\"{field}\":{raw}}}"), $"parameters.{field}");
            }
        }
        foreach (var (name, raw) in BadPositiveInts)
        {
            yield return Case($"parameters-max_tokens:{name}", With(ValidEvaluation, "parameters", $"{{\"max_tokens\":{raw}}}"), "parameters.max_tokens");
            yield return Case($"sample_size:{name}", With(ValidEvaluation, "sample_size", raw), "sample_size");
            yield return Case($"dataset_version:{name}", With(ValidEvaluation, "dataset_version", raw), "dataset_version");
        }
        foreach (var (name, raw) in BadLongs) yield return Case($"parameters-seed:{name}", With(ValidEvaluation, "parameters", $"{{\"seed\":{raw}}}"), "parameters.seed");
    }

    private static readonly (string Key, string Raw)[] ValidSearch = [("query", Quote("rain")), ("mode", Quote("bm25")), ("top_k", "5")];

    private static readonly (string Key, string Raw)[] ValidTrainingJob =
    [
        ("name", Quote("hostile-model")), ("texts", "[\"Rain falls from clouds when droplets grow heavy.\"]"), ("epochs", "1"), ("batch_size", "4"),
        ("learning_rate", "0.01"),
    ];

    private static IEnumerable<HostileCase> KnowledgeAndTrainingBodies()
    {
        var post = HttpMethod.Post;
        HostileCase Search(string category, string body, string field) => new($"search-{category}", post, "/api/knowledge/search", Json(body), field);
        foreach (var (name, raw) in BadStrings(4_000)) yield return Search($"query:{name}", With(ValidSearch, "query", raw), "query");
        foreach (var (field, max) in new[] { ("collection", 200), ("embedding_model", 200) })
        {
            foreach (var (name, raw) in BadStrings(max)) yield return Search($"{field}:{name}", With(ValidSearch, field, raw), field);
        }
        foreach (var (name, raw) in new[] { ("unknown", Quote("psychic")), ("nul", Quote("bm25\\u0000")), ("number", "2"), ("empty", Quote("")) })
        {
            yield return Search($"mode:{name}", With(ValidSearch, "mode", raw), "mode");
        }
        foreach (var (name, raw) in BadPositiveInts.Append(("over-100", "101"))) yield return Search($"top_k:{name}", With(ValidSearch, "top_k", raw), "top_k");
        foreach (var (name, raw) in BadBooleans) yield return Search($"rerank:{name}", With(ValidSearch, "rerank", raw), "rerank");
        yield return Search("query:blank", With(ValidSearch, "query", Quote("   ")), "query");

        HostileCase Train(string category, string body, string field) => new($"training-{category}", post, "/api/training/jobs", Json(body), field);
        foreach (var (name, raw) in BadStrings(64).Append(("upper-case", Quote("Bad Name")))) yield return Train($"name:{name}", With(ValidTrainingJob, "name", raw), "name");
        foreach (var field in new[] { "epochs", "batch_size", "hidden_size", "context_length", "layers" })
        {
            foreach (var (name, raw) in BadPositiveInts) yield return Train($"{field}:{name}", With(ValidTrainingJob, field, raw), field);
        }
        foreach (var field in new[] { "learning_rate", "holdout_fraction" })
        {
            foreach (var (name, raw) in BadBoundedDoubles) yield return Train($"{field}:{name}", With(ValidTrainingJob, field, raw), field);
        }
        foreach (var (name, raw) in new[] { ("empty", "[]"), ("nul", "[\"a\\u0000\"]"), ("number", "[1]"), ("not-a-list", Quote("text")) })
        {
            yield return Train($"texts:{name}", With(ValidTrainingJob, "texts", raw), "texts");
        }
        yield return Train("source:two", With(ValidTrainingJob, "dataset_id", Quote(Unknown.ToString())), "texts|dataset_id|document_ids");
        yield return Train("document_ids:unknown", JsonObject(ValidTrainingJob.Where(f => f.Key != "texts").Append(("document_ids", $"[{Quote(Unknown.ToString())}]"))),
            "document_ids");
    }

    private static IEnumerable<HostileCase> GateWebhookFeedbackBodies(TargetIds ids)
    {
        var gatePath = $"/api/experiments/{ids.OwnExperiment}/gates";
        HostileCase Gate(string category, string body, string field) => new($"gate-{category}", HttpMethod.Put, gatePath, Json(body), field);
        string Check(string metric, string op, string value) => $"{{\"checks\":[{{\"metric\":{metric},\"op\":{op},\"value\":{value}}}]}}";
        // A well-formed name the run does not produce is accepted: metric names are open (judges and reference metrics add
        // their own), and the gate then fails that check saying the run has no such metric (GateEvaluator).
        foreach (var (name, raw) in BadStrings(64).Append(("upper-case", Quote("Overall Score")))) yield return Gate($"metric:{name}", Check(raw, Quote(">="), "1"), "checks[0].metric");
        foreach (var (name, raw) in new[] { ("word", Quote("gte")), ("nul", Quote(">\\u0000")), ("number", "1"), ("equals", Quote("==")) })
        {
            yield return Gate($"op:{name}", Check(Quote("overall_score"), raw, "1"), "checks[0].op");
        }
        // Only values no gate can hold: a finite number out of a metric's range is a separate rule (failure rate, negatives).
        foreach (var (name, raw) in BadBoundedDoubles.Where(v => v.Name is not ("1e30" or "-1e30")).Append(("negative-rate", "-0.5")))
        {
            var metric = name == "negative-rate" ? "failure_rate" : "overall_score";
            yield return Gate($"value:{name}", Check(Quote(metric), Quote(">="), raw), "checks[0].value");
        }
        yield return Gate("checks:empty", "{\"checks\":[]}", "checks");
        yield return Gate("checks:too-many", "{\"checks\":[" + string.Join(",", Enumerable.Repeat("{\"metric\":\"f1\",\"op\":\">=\",\"value\":1}", 51)) + "]}", "checks");
        yield return Gate("baseline:nil", $"{{\"no_significant_regression\":true,\"baseline_run_id\":{Quote(Nil)}}}", "baseline_run_id");
        yield return Gate("baseline:unknown", $"{{\"no_significant_regression\":true,\"baseline_run_id\":{Quote(Unknown.ToString())}}}", "baseline_run_id");
        yield return Gate("baseline:foreign", $"{{\"no_significant_regression\":true,\"baseline_run_id\":{Quote(ids.ForeignBatch.ToString())}}}", "baseline_run_id");
        yield return Gate("regression_metric:malformed", "{\"no_significant_regression\":true,\"regression_metric\":\"F1 score\"}", "regression_metric");
        // An evaluation's gate: a fixed list of per-method metrics, shares between 0 and 1, an optional method label.
        var evaluationGatePath = $"/api/evaluations/{Unknown}/gates";
        HostileCase EvaluationGate(string category, string body, string field) => new($"evaluation-gate-{category}", HttpMethod.Put, evaluationGatePath, Json(body), field);
        foreach (var (name, raw) in BadStrings(64).Append(("run-metric", Quote("overall_score")))) yield return EvaluationGate($"metric:{name}", Check(raw, Quote(">="), "0.5"), "checks[0].metric");
        yield return EvaluationGate("op:equals", Check(Quote("exact_match"), Quote("=="), "0.5"), "checks[0].op");
        yield return EvaluationGate("value:percent", Check(Quote("exact_match"), Quote(">="), "50"), "checks[0].value");
        yield return EvaluationGate("value:string", Check(Quote("f1"), Quote(">="), Quote("high")), "checks[0].value");
        yield return EvaluationGate("method:blank", "{\"checks\":[{\"metric\":\"f1\",\"op\":\">=\",\"value\":0.5,\"method\":\" \"}]}", "checks[0].method");
        yield return EvaluationGate("checks:empty", "{\"checks\":[]}", "checks");
        yield return EvaluationGate("baseline:nil", $"{{\"no_significant_regression\":true,\"baseline_evaluation_id\":{Quote(Nil)}}}", "baseline_evaluation_id");
        yield return EvaluationGate("unknown-evaluation", Check(Quote("exact_match"), Quote(">="), "0.5"), "~" + Unknown);
        yield return new("gate-foreign-experiment", HttpMethod.Put, $"/api/experiments/{ids.ForeignExperiment}/gates",
            Json(Check(Quote("overall_score"), Quote(">="), "1")), "~" + ids.ForeignExperiment);

        var webhook = new (string Key, string Raw)[] { ("url", Quote("https://93.184.215.14/llmlab")), ("events", "[\"alert.regression\"]"), ("secret", Quote("0123456789abcdef0123")) };
        HostileCase Hook(string category, string body, string field) => new($"webhook-{category}", HttpMethod.Post, "/api/webhooks", Json(body), field);
        foreach (var (name, raw) in BadStrings(2_048)) yield return Hook($"url:{name}", With(webhook, "url", raw), "url");
        foreach (var (name, raw) in new[] { ("private", "http://10.1.2.3/x"), ("ipv6-loopback", "http://[::1]:9/x"), ("metadata", "http://169.254.169.254/latest"), ("ftp", "ftp://example.com/x"), ("relative", "/hook") })
        {
            yield return Hook($"url:{name}", With(webhook, "url", Quote(raw)), "url");
        }
        foreach (var (name, raw) in new[] { ("empty", "[]"), ("unknown", "[\"everything\"]"), ("nul", "[\"alert.regression\\u0000\"]"), ("not-a-list", Quote("alert.regression")) })
        {
            yield return Hook($"events:{name}", With(webhook, "events", raw), "events");
        }
        foreach (var (name, raw) in BadStrings(512).Append(("short", Quote("tiny")))) yield return Hook($"secret:{name}", With(webhook, "secret", raw), "secret");

        var feedbackPath = $"/api/responses/{Unknown}/feedback";
        HostileCase Feedback(string category, string body, string field) => new($"feedback-{category}", HttpMethod.Post, feedbackPath, Json(body), field);
        foreach (var (name, raw) in BadPositiveInts.Append(("six", "6"))) yield return Feedback($"score:{name}", $"{{\"score\":{raw}}}", "score");
        foreach (var (name, raw) in BadStrings(10).Append(("sideways", Quote("sideways")))) yield return Feedback($"thumbs:{name}", $"{{\"thumbs\":{raw}}}", "thumbs");
        yield return Feedback("both", "{\"score\":3,\"thumbs\":\"up\"}", "thumbs");
        yield return Feedback("neither", "{\"label\":\"ok\"}", "score");
        foreach (var (field, max) in new[] { ("label", 100), ("comment", 10_000), ("corrected_answer", 100_000) })
        {
            foreach (var (name, raw) in BadStrings(max)) yield return Feedback($"{field}:{name}", $"{{\"score\":3,\"{field}\":{raw}}}", field);
        }
        yield return Feedback("unknown-response", "{\"score\":3}", "id");
    }
}
