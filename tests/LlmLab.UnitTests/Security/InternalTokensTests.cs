using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;
using LlmLab.UnitTests.AppHost.Dashboard;
using Microsoft.Extensions.Options;

namespace LlmLab.UnitTests.Security;

public class InternalTokensTests
{
    private static readonly CallerIdentity Caller = new("tenant-a", "service:batch", InternalTokens.ServiceRole);
    private readonly ManualClock _time = new(new DateTimeOffset(2026, 11, 29, 17, 0, 0, TimeSpan.Zero));

    private InternalTokens Tokens(byte key = 0) =>
        new(Options.Create(new InternalTokenOptions { InternalTokenKey = Convert.ToBase64String(Enumerable.Repeat(key, 32).ToArray()) }), _time);

    [Fact]
    public void A_minted_token_is_reused_for_the_same_caller_for_a_quarter_of_its_lifetime_then_replaced()
    {
        var tokens = Tokens();
        var first = tokens.Mint(Caller);

        _time.Now += TimeSpan.FromSeconds(14);
        Assert.Equal(first, tokens.Mint(Caller));
        Assert.NotEqual(first, tokens.Mint(Caller with { TenantId = "tenant-b" }));

        _time.Now += TimeSpan.FromSeconds(1);
        Assert.NotEqual(first, tokens.Mint(Caller));
    }

    [Fact]
    public async Task A_validated_token_keeps_its_caller_until_expiry_plus_skew_and_is_refused_after()
    {
        var tokens = Tokens();
        var token = tokens.Mint(Caller);

        Assert.Equal(Caller, await tokens.ValidateAsync(token));
        _time.Now += TimeSpan.FromSeconds(89);
        Assert.Equal(Caller, await tokens.ValidateAsync(token));
        _time.Now += TimeSpan.FromSeconds(2);
        Assert.Null(await tokens.ValidateAsync(token));
    }

    [Fact]
    public async Task A_token_signed_with_another_key_or_altered_is_refused_even_after_the_genuine_one_was_accepted()
    {
        var tokens = Tokens();
        var genuine = tokens.Mint(Caller);
        Assert.Equal(Caller, await tokens.ValidateAsync(genuine));

        Assert.Null(await tokens.ValidateAsync(Tokens(key: 7).Mint(Caller)));
        Assert.Null(await tokens.ValidateAsync(genuine[..^3] + (genuine[^3..] == "AAA" ? "BBB" : "AAA")));
        Assert.Null(await tokens.ValidateAsync(genuine + "x"));
    }

    [Fact]
    public async Task A_token_first_presented_after_its_expiry_plus_skew_or_before_it_was_issued_is_refused()
    {
        var tokens = Tokens();
        var late = tokens.Mint(Caller);
        var early = tokens.Mint(Caller with { SubjectId = "service:quality" });

        _time.Now += TimeSpan.FromSeconds(91);
        Assert.Null(await tokens.ValidateAsync(late));
        _time.Now -= TimeSpan.FromSeconds(91 + 32);
        Assert.Null(await tokens.ValidateAsync(early));
    }
}
