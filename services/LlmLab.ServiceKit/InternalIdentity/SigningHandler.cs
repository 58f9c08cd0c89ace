using Microsoft.Extensions.Options;

namespace LlmLab.ServiceKit.InternalIdentity;

/// <summary>
/// Signs every request as one fixed caller: for tools that hold the platform secret and talk to a service port
/// directly (benchmarks, tests, operators' scripts).
/// </summary>
public sealed class SigningHandler(InternalTokens tokens, CallerIdentity caller) : DelegatingHandler(new SocketsHttpHandler())
{
    public static SigningHandler For(string base64Key, CallerIdentity caller) =>
        new(new InternalTokens(Options.Create(new InternalTokenOptions { InternalTokenKey = base64Key }), TimeProvider.System), caller);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(InternalTokens.HeaderName);
        request.Headers.Add(InternalTokens.HeaderName, tokens.Mint(caller));
        return base.SendAsync(request, cancellationToken);
    }
}
