using LlmLab.AppHost.Telemetry;
using static LlmLab.UnitTests.AppHost.Dashboard.Spans;

namespace LlmLab.UnitTests.AppHost.Dashboard;

public sealed class SpanStoreTests
{
    [Fact]
    public void Past_the_bound_the_oldest_traces_are_dropped_whole_and_counted()
    {
        var store = new SpanStore(maxSpans: 5);
        store.Add([Of("old", "1", "", "gateway", 0, 1), Of("old", "2", "1", "batch", 0, 1)]);
        store.Add([Of("mid", "3", "", "gateway", 0, 1), Of("mid", "4", "3", "batch", 0, 1)]);
        store.Add([Of("new", "5", "", "gateway", 0, 1), Of("new", "6", "5", "batch", 0, 1)]);

        Assert.Empty(store.Trace("old"));
        Assert.Equal(2, store.Trace("mid").Count);
        Assert.Equal(2, store.Trace("new").Count);
        Assert.Equal(4, store.Count);
        Assert.Equal(2, store.Dropped);
    }

    [Fact]
    public void One_trace_larger_than_the_bound_keeps_its_first_spans_and_refuses_the_rest()
    {
        var store = new SpanStore(maxSpans: 3);
        store.Add(Enumerable.Range(1, 5).Select(i => Of("big", $"{i}", "", "batch", i, 1)));

        Assert.Equal(["1", "2", "3"], store.Trace("big").Select(s => s.SpanId));
        Assert.Equal(2, store.Dropped);
    }

    [Fact]
    public void Traces_are_found_by_trace_id_prefix_service_and_span_name_and_sorted_newest_or_slowest()
    {
        var store = new SpanStore(100);
        store.Add(
        [
            Of("aaaa1111", "1", "", "gateway", 0, 50, name: "POST /api/experiments"),
            Of("aaaa1111", "2", "1", "experiments", 1, 40),
            Of("bbbb2222", "3", "", "gateway", 100, 500, name: "GET /api/responses"),
            Of("bbbb2222", "4", "3", "batch", 101, 400),
            Of("cccc3333", "5", "", "gateway", 200, 10, name: "GET /api/health"),
        ]);

        Assert.Equal(["aaaa1111"], store.Find(new TraceQuery(TraceId: "AAAA")).Select(t => t.TraceId));
        Assert.Equal(["bbbb2222"], store.Find(new TraceQuery(Service: "batch")).Select(t => t.TraceId));
        Assert.Equal(["bbbb2222"], store.Find(new TraceQuery(Text: "responses")).Select(t => t.TraceId));
        Assert.Equal(["cccc3333", "bbbb2222", "aaaa1111"], store.Find(new TraceQuery()).Select(t => t.TraceId));
        Assert.Equal(["bbbb2222", "aaaa1111", "cccc3333"], store.Find(new TraceQuery(Order: TraceOrder.Slowest)).Select(t => t.TraceId));
        Assert.Equal(["bbbb2222"], store.Find(new TraceQuery(Order: TraceOrder.Slowest, Limit: 1)).Select(t => t.TraceId));
    }

    [Fact]
    public void A_summary_names_the_root_spans_the_whole_extent_and_counts_services_and_errors()
    {
        var summary = TraceSummary.Of("t",
        [
            Of("t", "b", "a", "batch", 10, 200, error: true),
            Of("t", "a", "", "gateway", 0, 100, name: "POST /api/experiments/batch"),
            Of("t", "c", "b", "llm-integration", 20, 30),
        ]);

        Assert.Equal("POST /api/experiments/batch", summary.RootName);
        Assert.Equal("gateway", summary.RootService);
        Assert.Equal(T0, summary.Start);
        Assert.Equal(210, summary.DurationMs);
        Assert.Equal(3, summary.SpanCount);
        Assert.Equal(1, summary.ErrorCount);
        Assert.Equal(["batch", "gateway", "llm-integration"], summary.Services);
    }
}
