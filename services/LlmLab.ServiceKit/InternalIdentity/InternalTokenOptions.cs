using System.ComponentModel.DataAnnotations;

namespace LlmLab.ServiceKit.InternalIdentity;

/// <summary>
/// Configuration "Security:InternalTokenKey": the platform secret (base64, at least 32 bytes) with which the gateway
/// and the services sign the identity they pass to each other. Generated per data folder by the AppHost; a Kubernetes
/// Secret in deployments. Whoever lacks it cannot speak to a service.
/// </summary>
public sealed class InternalTokenOptions
{
    public const string Section = "Security";

    [Required(ErrorMessage = "Security:InternalTokenKey is required (base64, at least 32 bytes); the AppHost generates one.")]
    public string InternalTokenKey { get; set; } = "";

    /// <summary>How long a minted token is valid; a request is checked when it arrives, so this only bounds replay.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(60);
}
