using System.ComponentModel.DataAnnotations;

namespace LlmLab.Analytics.Webhooks;

/// <summary>Webhook delivery (section "Webhooks"; the addresses webhooks may reach are "Webhooks:Outbound", <see cref="LlmLab.ServiceKit.Outbound.OutboundOptions"/>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>The pause before each retry; a delivery gets one attempt more than there are delays, then it is failed.</summary>
    [MinLength(0), MaxLength(20)]
    public List<int> RetryDelaysSeconds { get; set; } = [1, 5, 30, 120, 600, 1800];

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    [Range(50, 60_000)]
    public int PollMilliseconds { get; set; } = 500;

    public int MaxAttempts => RetryDelaysSeconds.Count + 1;
}
