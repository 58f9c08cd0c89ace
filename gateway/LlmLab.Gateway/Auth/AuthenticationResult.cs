using LlmLab.ServiceKit;

namespace LlmLab.Gateway.Auth;

/// <summary>Who a credential stands for, with the scopes narrowing its role; or why it was refused.</summary>
public sealed record AuthenticationResult(CallerIdentity? Caller, IReadOnlyList<string> Scopes, int Status, string? Title, string? Detail)
{
    public static AuthenticationResult Success(CallerIdentity caller, IReadOnlyList<string>? scopes = null) => new(caller, scopes ?? [], 200, null, null);

    public static AuthenticationResult Refused(string title, string detail) => new(null, [], StatusCodes.Status401Unauthorized, title, detail);

    public static AuthenticationResult Unavailable(string detail) =>
        new(null, [], StatusCodes.Status503ServiceUnavailable, "Authentication unavailable", detail);
}

/// <summary>The scopes of the caller's key, kept beside its CallerIdentity for the permission check.</summary>
public sealed record CallerScopes(IReadOnlyList<string> Scopes);
