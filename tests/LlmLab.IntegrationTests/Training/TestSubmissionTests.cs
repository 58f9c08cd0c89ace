using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests.Training;

/// <summary>Graded texts are scored by quality-analysis; the agreement report equals the textbook formulas by hand.</summary>
[Collection(PlatformCollection.Name)]
public sealed class TestSubmissionTests(PlatformFixture platform)
{
    private readonly HttpClient _client = platform.CreateClient();

    private static readonly (string Text, double Expected)[] Graded =
    [
        ("Rain forms when water vapour in clouds condenses into droplets that grow heavy and fall.", 80),
        ("rain rain rain rain rain", 10),
        ("Clouds hold tiny droplets. When they merge, they become heavy. Then they fall as rain. This happens often in spring.", 90),
        ("Water.", 5),
        ("The water cycle moves water from oceans to the air and back: evaporation, condensation, precipitation and collection.", 85),
        ("I like turtles and the colour blue, but that has nothing to do with this question at all, really.", 20),
        ("Warm air rises, cools, and its vapour condenses on dust; droplets collide, grow and fall once the updraft cannot hold them.", 95),
    ];

    [Fact]
    public async Task Agreement_per_metric_equals_a_hand_computation_with_n_stated()
    {
        await new TrainingApi(_client).ReadyAsync();
        var collection = $"grades-{Guid.NewGuid():N}";
        var created = await PlatformApi.ReadAsync(await _client.PostAsJsonAsync("/api/test-submissions", new
        {
            collection,
            texts = Graded.Select(g => new { text = g.Text, expected_score = g.Expected, prompt = "Explain how rain forms." }),
        }), HttpStatusCode.Created);
        Assert.Equal(Graded.Length, created.GetProperty("count").GetInt32());
        var items = created.GetProperty("items").EnumerateArray().ToList();

        var agreement = await PlatformApi.ReadAsync(await _client.GetAsync($"/api/test-submissions/agreement?collection={collection}"), HttpStatusCode.OK);
        Assert.Equal(Graded.Length, agreement.GetProperty("n").GetInt32());
        var metrics = agreement.GetProperty("metrics").EnumerateArray().ToList();
        Assert.Contains(metrics, m => m.GetProperty("metric").GetString() == "overall_score");
        var expected = Graded.Select(g => g.Expected).ToArray();
        var checkedCorrelations = 0;
        foreach (var metric in metrics)
        {
            var name = metric.GetProperty("metric").GetString()!;
            // A metric the scorer could not compute for a text is left out of that metric's pairs (its n says so).
            var pairs = items.Select((i, k) => (Has: i.GetProperty("metrics").TryGetProperty(name, out var v), Value: v, Expected: expected[k]))
                .Where(p => p.Has).ToList();
            var values = pairs.Select(p => p.Value.GetDouble()).ToArray();
            var people = pairs.Select(p => p.Expected).ToArray();
            Assert.Equal(values.Length, metric.GetProperty("n").GetInt32());
            Assert.Equal(values.Zip(people, (v, e) => Math.Abs(v - e)).Average(), metric.GetProperty("mae").GetDouble(), 9);
            if (metric.GetProperty("pearson").ValueKind == JsonValueKind.Null) continue;
            var r = Pearson(people, values);
            Assert.Equal(r, metric.GetProperty("pearson").GetProperty("value").GetDouble(), 9);
            var half = 1.959963984540054 / Math.Sqrt(values.Length - 3);
            Assert.Equal(Math.Tanh(Math.Atanh(r) - half), metric.GetProperty("pearson").GetProperty("ci_low").GetDouble(), 9);
            Assert.Equal(Math.Tanh(Math.Atanh(r) + half), metric.GetProperty("pearson").GetProperty("ci_high").GetDouble(), 9);
            Assert.Equal(Pearson(Ranks(people), Ranks(values)), metric.GetProperty("spearman").GetProperty("value").GetDouble(), 9);
            checkedCorrelations++;
        }
        Assert.True(checkedCorrelations >= 3, "too few metrics varied over the texts to check");
        var best = metrics.Where(m => m.GetProperty("spearman").ValueKind != JsonValueKind.Null)
            .MaxBy(m => m.GetProperty("spearman").GetProperty("value").GetDouble())!;
        Assert.Equal(best.GetProperty("metric").GetString(), agreement.GetProperty("best_metric").GetString());

        using var other = platform.CreateClient(ProviderTenants.KeyB);
        await PlatformApi.ExpectProblemAsync(await other.GetAsync($"/api/test-submissions/agreement?collection={collection}"), HttpStatusCode.Conflict, "collection");
    }

    [Fact]
    public async Task A_bad_grade_is_refused_naming_the_item_and_nothing_is_stored()
    {
        await new TrainingApi(_client).ReadyAsync();
        var collection = $"bad-{Guid.NewGuid():N}";
        await PlatformApi.ExpectProblemAsync(await _client.PostAsJsonAsync("/api/test-submissions", new
        {
            collection,
            texts = new object[] { new { text = "Fine text.", expected_score = 50 }, new { text = "Another.", expected_score = 150 } },
        }), HttpStatusCode.UnprocessableEntity, "texts[1].expected_score");
        var list = await PlatformApi.ReadAsync(await _client.GetAsync($"/api/test-submissions?collection={collection}"), HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    private static double Pearson(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        var cov = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        return cov / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
    }

    /// <summary>Ranks from 1, ties sharing their mean rank.</summary>
    private static double[] Ranks(double[] values) =>
        values.Select(v => values.Count(u => u < v) + (values.Count(u => u == v) + 1) / 2.0).ToArray();
}
