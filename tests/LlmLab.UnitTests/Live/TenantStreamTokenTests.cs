using LlmLab.Gateway.Auth;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using LlmLab.UnitTests.AppHost.Dashboard;

namespace LlmLab.UnitTests.Live;

public class TenantStreamTokenTests
{
    private readonly ManualClock _time = new(new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero));
    private readonly ProgressTokens _tokens;
    private static readonly CallerIdentity Caller = new("tenant-a", "analyst-1", "analyst", "standard", "key-1");

    public TenantStreamTokenTests() => _tokens = new(Options.Create(new InternalTokenOptions { InternalTokenKey = Convert.ToBase64String(new byte[32]) }), _time);

    [Fact]
    public async Task A_tenant_stream_token_opens_the_tenant_streams_as_its_caller_but_no_run_progress()
    {
        var (token, _) = _tokens.MintForTenantStreams(Caller, ["analytics:read"]);

        var result = await _tokens.ValidateForTenantStreamsAsync(token);

        Assert.NotNull(result);
        Assert.Equal(Caller, result.Caller);
        Assert.Equal(["analytics:read"], result.Scopes);
        Assert.Null(await _tokens.ValidateAsync(token, Guid.NewGuid()));
    }

    [Fact]
    public async Task A_run_progress_token_does_not_open_the_tenant_streams_and_an_expired_one_nothing()
    {
        var run = Guid.NewGuid();
        var (progress, _) = _tokens.Mint(Caller, [], run);
        var (stream, _) = _tokens.MintForTenantStreams(Caller, []);

        Assert.Null(await _tokens.ValidateForTenantStreamsAsync(progress));
        Assert.NotNull(await _tokens.ValidateAsync(progress, run));
        _time.Now += ProgressTokens.Lifetime + TimeSpan.FromSeconds(1);
        Assert.Null(await _tokens.ValidateForTenantStreamsAsync(stream));
        Assert.Null(await _tokens.ValidateForTenantStreamsAsync(stream[..^3] + "AAA"));
    }

    [Theory]
    [InlineData("GET", "/api/events/stream", true)]
    [InlineData("GET", "/api/alerts/stream", true)]
    [InlineData("POST", "/api/events/stream", false)]
    [InlineData("GET", "/api/alerts", false)]
    [InlineData("GET", "/api/events/stream/x", false)]
    public void Only_a_GET_of_a_tenant_stream_takes_the_token(string method, string path, bool accepted)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        Assert.Equal(accepted, StreamTokenApi.IsTenantStream(context.Request));
    }
}
