using System.ComponentModel.DataAnnotations;

namespace LlmLab.Gateway.Auth;

/// <summary>Configuration "Gateway:IssuedKeys": how long an answer of identity about a key is reused.</summary>
public sealed class IssuedKeyOptions
{
    /// <summary>At most 5: a revoked key must be refused by every gateway replica within 5 seconds.</summary>
    [Range(0, 5)]
    public double CacheSeconds { get; set; } = 2;

    /// <summary>How long a look-up may take before the caller gets 503.</summary>
    [Range(0.1, 30)]
    public double TimeoutSeconds { get; set; } = 5;
}
