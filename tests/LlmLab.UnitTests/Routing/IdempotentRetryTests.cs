using LlmLab.Gateway.Routing;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace LlmLab.UnitTests.Routing;

/// <summary>The gateway's retry in front of YARP's load balancing, over a fake proxy pipeline of two destinations.</summary>
public sealed class IdempotentRetryTests
{
    private static readonly DestinationState First = new("first");
    private static readonly DestinationState Second = new("second");

    [Fact]
    public async Task A_get_whose_destination_could_not_be_reached_is_sent_to_the_other_destination()
    {
        var (context, offered) = await RunAsync("GET", ForwarderError.Request, failing: [First]);
        Assert.Equal([["first", "second"], ["second"]], offered);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Null(context.Features.Get<IForwarderErrorFeature>());
    }

    [Fact]
    public async Task A_post_is_never_sent_twice()
    {
        var (context, offered) = await RunAsync("POST", ForwarderError.Request, failing: [First]);
        Assert.Single(offered);
        Assert.Equal(StatusCodes.Status502BadGateway, context.Response.StatusCode);
    }

    [Fact]
    public async Task A_get_tries_each_destination_once_and_answers_502_when_all_failed()
    {
        var (context, offered) = await RunAsync("GET", ForwarderError.Request, failing: [First, Second]);
        Assert.Equal([["first", "second"], ["second"]], offered);
        Assert.Equal(StatusCodes.Status502BadGateway, context.Response.StatusCode);
    }

    [Fact]
    public async Task A_get_that_timed_out_is_not_repeated()
    {
        var (context, offered) = await RunAsync("GET", ForwarderError.RequestTimedOut, failing: [First]);
        Assert.Single(offered);
        Assert.Equal(StatusCodes.Status502BadGateway, context.Response.StatusCode);
    }

    private static async Task<(HttpContext Context, List<List<string>> Offered)> RunAsync(
        string method, ForwarderError error, IReadOnlyCollection<DestinationState> failing)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Features.Set<IReverseProxyFeature>(new FakeProxyFeature { AvailableDestinations = [First, Second] });
        var offered = new List<List<string>>();
        var retry = new IdempotentRetryMiddleware(ctx =>
        {
            // As YARP's load balancing and forwarder do: pick one, narrow the list to it, report a failure as a feature.
            var proxy = ctx.GetReverseProxyFeature();
            offered.Add(proxy.AvailableDestinations.Select(d => d.DestinationId).ToList());
            var chosen = proxy.AvailableDestinations[0];
            proxy.AvailableDestinations = [chosen];
            proxy.ProxiedDestination = chosen;
            if (failing.Contains(chosen))
            {
                ctx.Features.Set<IForwarderErrorFeature>(new FakeError(error));
                ctx.Response.StatusCode = StatusCodes.Status502BadGateway;
            }
            else
            {
                ctx.Response.StatusCode = StatusCodes.Status200OK;
            }
            return Task.CompletedTask;
        });
        await retry.InvokeAsync(context);
        return (context, offered);
    }

    private sealed class FakeProxyFeature : IReverseProxyFeature
    {
        public RouteModel Route => throw new NotSupportedException();
        public ClusterModel Cluster => throw new NotSupportedException();
        public IReadOnlyList<DestinationState> AllDestinations => [First, Second];
        public IReadOnlyList<DestinationState> AvailableDestinations { get; set; } = [];
        public DestinationState? ProxiedDestination { get; set; }
    }

    private sealed record FakeError(ForwarderError Error) : IForwarderErrorFeature
    {
        public Exception? Exception => null;
    }
}
