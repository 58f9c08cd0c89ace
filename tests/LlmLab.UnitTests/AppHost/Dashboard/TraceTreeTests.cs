using LlmLab.AppHost.Telemetry;
using static LlmLab.UnitTests.AppHost.Dashboard.Spans;

namespace LlmLab.UnitTests.AppHost.Dashboard;

public sealed class TraceTreeTests
{
    [Fact]
    public void Spans_across_services_are_ordered_depth_first_with_children_by_start_time()
    {
        // gateway → experiments → (llm-integration, then batch → llm-integration), received out of order.
        var tree = TraceTree.Build(
        [
            Of("t", "e", "b", "batch", 40, 20),
            Of("t", "f", "e", "llm-integration", 45, 10),
            Of("t", "b", "a", "experiments", 5, 90),
            Of("t", "c", "b", "llm-integration", 10, 25),
            Of("t", "a", "", "gateway", 0, 100),
        ]);

        Assert.Equal(["a", "b", "c", "e", "f"], tree.Select(n => n.Span.SpanId));
        Assert.Equal([0, 1, 2, 2, 3], tree.Select(n => n.Depth));
        Assert.Equal([0.0, 5, 10, 40, 45], tree.Select(n => n.OffsetMs));
        Assert.Equal([1, 2, 0, 1, 0], tree.Select(n => n.ChildCount));
    }

    [Fact]
    public void A_span_whose_parent_was_never_received_is_a_root_of_its_own_after_earlier_roots()
    {
        var tree = TraceTree.Build(
        [
            Of("t", "orphan", "missing", "analytics", 50, 5),
            Of("t", "a", "", "gateway", 0, 30),
            Of("t", "child", "orphan", "analytics", 51, 1),
        ]);

        Assert.Equal([("a", 0), ("orphan", 0), ("child", 1)], tree.Select(n => (n.Span.SpanId, n.Depth)));
    }

    [Fact]
    public void A_repeated_span_id_or_a_span_that_is_its_own_parent_neither_loops_nor_shows_twice()
    {
        var tree = TraceTree.Build(
        [
            Of("t", "a", "", "gateway", 0, 30),
            Of("t", "a", "", "gateway", 1, 30),
            Of("t", "self", "self", "batch", 2, 1),
        ]);

        Assert.Equal(["a", "self"], tree.Select(n => n.Span.SpanId));
    }

    [Fact]
    public void No_spans_make_an_empty_tree() => Assert.Empty(TraceTree.Build([]));
}
