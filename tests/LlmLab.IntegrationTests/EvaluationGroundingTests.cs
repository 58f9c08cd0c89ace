using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LlmLab.IntegrationTests.Knowledge;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// Through the gateway on the real platform: the agent with native tool calling against the fake OpenAI-compatible
/// provider (which answers a tool call, then the tool's result), native refused on the built-in engine, and a RAG
/// method's faithfulness (lexical rule and LLM judge) per method and per item.
/// </summary>
[Collection(PlatformCollection.Name)]
public class EvaluationGroundingTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient(PlatformFixture.EvaluationApiKey));

    [Fact]
    public async Task The_agent_calls_the_calculator_natively_on_an_openai_compatible_provider_and_native_is_refused_on_the_local_engine()
    {
        var dataset = await DatasetAsync($"Boxes {Guid.NewGuid():N}: 6 boxes of 7 eggs, how many eggs?", "42");
        using (var refused = await _api.Client.PostAsJsonAsync("/api/evaluations", new
               {
                   name = "native on local", dataset_id = dataset, provider = "local",
                   methods = new[] { new { method = "agent", options = new { tool_calling = "native" } } },
               }))
            await PlatformApi.ExpectProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "methods[0].options.tool_calling");

        var scenario = platform.FakeOpenAi.Scenario(FakeProviders.Passthrough);
        var content = scenario.Content;
        scenario.ToolCall = ("calculator", """{"expression":"6 * 7"}""");
        scenario.Content = "Six boxes of seven.\nAnswer: 42";
        try
        {
            var evaluation = await RunAsync(new
            {
                name = "native agent", dataset_id = dataset, provider = FakeProviders.Passthrough, model = FakeProviders.Model,
                methods = new[] { new { method = "agent", options = new { max_steps = 4 } } }, parameters = new { temperature = 0 },
            });
            Assert.Equal("native", evaluation.GetProperty("methods")[0].GetProperty("options").GetProperty("tool_calling").GetString());
            var summary = evaluation.GetProperty("summary")[0];
            Assert.Equal(1, summary.GetProperty("accuracy").GetProperty("exact_match").GetDouble());
            Assert.Equal(1, summary.GetProperty("agent").GetProperty("success_rate").GetDouble());
            Assert.Equal(2, summary.GetProperty("agent").GetProperty("mean_steps").GetDouble());

            var item = (await _api.GetAsync($"/api/evaluations/{evaluation.GetProperty("id").GetString()}/items")).GetProperty("items")[0];
            var trace = item.GetProperty("trace").EnumerateArray().ToList();
            Assert.Equal(("calculator", "6 * 7", "42"),
                (trace[0].GetProperty("action").GetString(), trace[0].GetProperty("action_input").GetString(), trace[0].GetProperty("observation").GetString()));
            Assert.Equal("42", item.GetProperty("extracted_answer").GetString());

            // What the provider received last: the declared tools, and the calculator's result as a tool message.
            var sent = JsonDocument.Parse(scenario.LastChatRequest!).RootElement;
            Assert.Equal(["calculator", "retrieve", "lookup"], sent.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()));
            var toolMessage = sent.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("role").GetString() == "tool");
            Assert.Equal("call_fake_1", toolMessage.GetProperty("tool_call_id").GetString());
            Assert.Contains("42", toolMessage.GetProperty("content").ToString(), StringComparison.Ordinal);
        }
        finally
        {
            scenario.ToolCall = null;
            scenario.Content = content;
        }
    }

    [Fact]
    public async Task A_rag_answers_faithfulness_is_the_share_of_its_claims_in_the_retrieved_text_with_the_judges_score_beside_it()
    {
        var collection = $"faith-{Guid.NewGuid():N}"[..20];
        var knowledge = new KnowledgeApi(_api.Client);
        await knowledge.UploadAsync(Encoding.UTF8.GetBytes("Cobalt is a chemical element. The chemical symbol of cobalt is Co. Its atomic number is 27."),
            "cobalt.txt", collection);
        var dataset = await DatasetAsync($"What is the chemical symbol of cobalt ({collection})?", "Co");

        var scenario = platform.FakeOpenAi.Scenario(FakeProviders.Passthrough);
        var content = scenario.Content;
        // One answer for the RAG call and the judge: three claims, one in the passage; the judge reads "Score: 5".
        scenario.Content = "Score: 5\nThe chemical symbol of cobalt is Co.\nIt was discovered on Mars.";
        try
        {
            var evaluation = await RunAsync(new
            {
                name = "faithfulness", dataset_id = dataset, provider = FakeProviders.Passthrough, model = FakeProviders.Model,
                methods = new[] { new { method = "rag", options = new { collection, top_k = 1 } } },
                judge = new { provider = FakeProviders.Passthrough, model = FakeProviders.Model },
            });
            Assert.Equal(FakeProviders.Passthrough, evaluation.GetProperty("judge").GetProperty("provider").GetString());
            var faithfulness = evaluation.GetProperty("summary")[0].GetProperty("faithfulness");
            Assert.Equal(1.0 / 3, faithfulness.GetProperty("mean").GetDouble(), 6);
            Assert.Equal(1, faithfulness.GetProperty("n").GetInt32());
            Assert.Equal(0.5, faithfulness.GetProperty("judge").GetDouble(), 6);

            var item = (await _api.GetAsync($"/api/evaluations/{evaluation.GetProperty("id").GetString()}/items")).GetProperty("items")[0];
            Assert.Equal(100.0 / 3, item.GetProperty("scores").GetProperty("faithfulness").GetDouble(), 6);
            Assert.Equal(50, item.GetProperty("scores").GetProperty("faithfulness_judge").GetDouble());
            Assert.Contains("symbol of cobalt is Co", item.GetProperty("retrieved_chunks")[0].GetProperty("text").GetString());
        }
        finally
        {
            scenario.Content = content;
        }

        using var badJudge = await _api.Client.PostAsJsonAsync("/api/evaluations", new
        {
            name = "x", dataset_id = dataset, methods = new[] { new { method = "naive" } }, judge = new { provider = "nope" },
        });
        await PlatformApi.ExpectProblemAsync(badJudge, HttpStatusCode.UnprocessableEntity, "judge.provider");
    }

    private async Task<string> DatasetAsync(string question, string answer)
    {
        using var created = await _api.Client.PostAsJsonAsync("/api/datasets", new
        {
            name = $"grounding {Guid.NewGuid():N}", items = new[] { new { id = "q1", question, answers = new[] { answer } } },
        });
        return (await PlatformApi.ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    /// <summary>Starts an evaluation and waits (at most 3 minutes) until it has finished; its view with the summary.</summary>
    private async Task<JsonElement> RunAsync(object body)
    {
        using var response = await _api.Client.PostAsJsonAsync("/api/evaluations", body);
        var id = (await PlatformApi.ReadAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var evaluation = await _api.GetAsync($"/api/evaluations/{id}");
            if (evaluation.GetProperty("status").GetString() is not ("running" or "paused")) return evaluation;
            Assert.True(DateTime.UtcNow < deadline, $"evaluation {id} still running: {evaluation}");
            await Task.Delay(500);
        }
    }
}
