using LlmLab.Analytics.Live;

namespace LlmLab.UnitTests.Live;

public class LiveEventsTests
{
    [Fact]
    public void Every_listener_of_the_tenant_hears_an_event_and_no_other_tenant_does()
    {
        var live = new LiveEvents();
        using var a1 = live.Listen("a");
        using var a2 = live.Listen("a");
        using var b = live.Listen("b");

        live.Publish(new LiveEvent("a", LiveEventNames.RunStarted, new { run_id = 1 }));

        Assert.True(a1.Events.TryRead(out var first));
        Assert.Equal(LiveEventNames.RunStarted, first.Name);
        Assert.True(a2.Events.TryRead(out _));
        Assert.False(b.Events.TryRead(out _));
        Assert.Equal(["a", "b"], live.Tenants.Order());
    }

    [Fact]
    public void A_listener_that_stops_hears_nothing_more_and_its_tenant_is_no_longer_polled_for()
    {
        var live = new LiveEvents();
        var listener = live.Listen("a");
        listener.Dispose();

        live.Publish(new LiveEvent("a", LiveEventNames.Alert, new { }));

        Assert.False(listener.Events.TryRead(out _));
        Assert.True(listener.Events.Completion.IsCompleted);
        Assert.Empty(live.Tenants);
    }

    [Fact]
    public void A_slow_listener_keeps_the_newest_events()
    {
        var live = new LiveEvents();
        using var listener = live.Listen("a");
        for (var i = 0; i < LiveEvents.ListenerCapacity + 10; i++) live.Publish(new LiveEvent("a", LiveEventNames.RunFinished, i));

        Assert.True(listener.Events.TryRead(out var oldest));
        Assert.Equal(10, oldest.Data);
        Assert.Equal(LiveEvents.ListenerCapacity - 1, listener.Events.Count);
    }
}
