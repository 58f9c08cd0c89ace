extern alias evaluation;
using evaluation::LlmLab.Evaluation.Domain;
using evaluation::LlmLab.Evaluation.Queries;
using LlmLab.ServiceKit.Statistics;

namespace LlmLab.UnitTests.Evaluation;

/// <summary>Summaries and the pairwise comparison of methods, paired by dataset item, on a hand-made evaluation.</summary>
public class ComparisonTests
{
    private static readonly evaluation::LlmLab.Evaluation.Domain.Evaluation Evaluation = new()
    {
        TenantId = "t", Name = "n", Provider = "p", Model = "m",
        Methods = [new("naive", MethodKind.Naive, new()), new("cot", MethodKind.Cot, new()), new("agent", MethodKind.Agent, new())],
    };

    private static ScoredItem Item(string key, string method, bool correct, ItemStatus status = ItemStatus.Completed, int steps = 1, int calls = 0, int errors = 0,
        bool finished = true) =>
        new(key, method, status, new() { ["exact_match"] = correct ? 100 : 0, ["f1"] = correct ? 100 : 50 }, 10 * steps, 5, 5, 0.001, steps, calls, errors,
            finished, null);

    [Fact]
    public void Pairs_count_only_items_both_methods_answered_and_carry_mcnemar_and_holm()
    {
        // naive right on 1..2, cot right on 1..9, 10 failed for cot; agent right on 1 only.
        var items = new List<ScoredItem>();
        for (var i = 1; i <= 10; i++)
        {
            items.Add(Item($"{i}", "naive", i <= 2));
            items.Add(i == 10 ? Item("10", "cot", false, ItemStatus.Failed) : Item($"{i}", "cot", true));
            items.Add(Item($"{i}", "agent", i == 1, i >= 9 ? ItemStatus.Stuck : ItemStatus.Completed, steps: 3, calls: 2, errors: i == 1 ? 2 : 0, finished: i < 9));
        }

        var pairs = EvaluationQueries.Compare(Evaluation, items);

        var naiveCot = pairs.Single(p => p.MethodA == "naive" && p.MethodB == "cot");
        Assert.Equal(9, naiveCot.N);
        Assert.Equal((2, 0, 7, 0), (naiveCot.BothCorrect, naiveCot.OnlyA, naiveCot.OnlyB, naiveCot.NeitherCorrect));
        Assert.Equal(McNemar.ExactP(0, 7), naiveCot.McnemarP, 12);
        Assert.Equal(-7 / 9.0, naiveCot.Difference, 12);
        Assert.True(naiveCot.CiUpper < 0);
        Assert.Equal(Holm.Adjust(pairs.Select(p => p.McnemarP).ToList()), pairs.Select(p => p.HolmP));
        Assert.Equal(3, pairs.Count);
    }

    [Fact]
    public void Summaries_give_accuracy_latency_and_agent_rates_per_method()
    {
        var items = Enumerable.Range(1, 4).Select(i => Item($"{i}", "agent", i == 1, i == 4 ? ItemStatus.Stuck : ItemStatus.Completed, steps: i, calls: 2,
            errors: i == 2 ? 1 : 0, finished: i != 4)).Append(Item("5", "agent", false, ItemStatus.Failed)).ToList();

        var agent = EvaluationQueries.Summaries(Evaluation, items).Single(s => s.Label == "agent");

        Assert.Equal((5, 3, 1, 1), (agent.N, agent.Completed, agent.Stuck, agent.Failed));
        Assert.Equal(0.25, agent.Accuracy.ExactMatch);
        Assert.Equal((100 + 50 * 3) / 400.0, agent.Accuracy.F1);
        Assert.Null(agent.Accuracy.Numeric);
        Assert.Equal(25, agent.LatencyMs.P50);
        Assert.Equal((0.75, 2.5, 1 / 8.0, 0.25), (agent.Agent!.SuccessRate, agent.Agent.MeanSteps, agent.Agent.ToolErrorRate, agent.Agent.StuckRate));
    }
}
