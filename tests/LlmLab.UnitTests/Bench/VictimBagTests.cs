using LlmLab.Bench.Platform.Operations;

namespace LlmLab.UnitTests.Bench;

/// <summary>The chaos bench's kill order: every service once per round, skipping one that is still restarting.</summary>
public class VictimBagTests
{
    private static readonly string[] Services = ["batch", "llm-integration", "quality-analysis", "analytics", "gateway"];

    [Fact]
    public void Every_service_is_picked_once_in_each_round_of_kills()
    {
        var bag = new VictimBag(Services, new Random(16));
        var live = Services.ToHashSet();

        var first = Enumerable.Range(0, 5).Select(_ => bag.Next(live)!).ToList();
        var second = Enumerable.Range(0, 5).Select(_ => bag.Next(live)!).ToList();

        Assert.Equal(Services.Order(), first.Order());
        Assert.Equal(Services.Order(), second.Order());
    }

    [Fact]
    public void A_service_without_a_live_process_is_skipped_and_none_live_gives_none()
    {
        var bag = new VictimBag(Services, new Random(3));
        var live = new HashSet<string> { "batch" };

        Assert.Equal("batch", bag.Next(live));
        Assert.Equal("batch", bag.Next(live));
        Assert.Null(bag.Next(new HashSet<string>()));
    }
}
