using System.Net;
using LlmLab.Analytics.Alerts;
using LlmLab.Analytics.Webhooks;
using LlmLab.ServiceKit.Outbound;
using LlmLab.ServiceKit.Secrets;

namespace LlmLab.Analytics.Extensions;

public static class AlertsExtensions
{
    /// <summary>Alerts raised by finished runs and budget events, and their webhooks: sealed secrets, checked outbound calls, the relay.</summary>
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertOptions>().Bind(builder.Configuration.GetSection(AlertOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<AlertRaiser>();
        builder.Services.AddScoped<RunAlerts>();

        builder.Services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.RetryDelaysSeconds.All(d => d is >= 0 and <= 86_400), "Webhooks:RetryDelaysSeconds: each delay is 0 to 86400 seconds.")
            .ValidateOnStart();
        builder.Services.AddOptions<OutboundOptions>().Bind(builder.Configuration.GetSection($"{WebhookOptions.Section}:Outbound"))
            .Validate(o => o.AllowedNetworks.All(n => IPNetwork.TryParse(n, out _)), "Webhooks:Outbound:AllowedNetworks: every entry must be a network in CIDR notation, like 10.20.0.0/16.")
            .ValidateOnStart();
        builder.Services.AddSingleton<OutboundAddressPolicy>();
        builder.Services.AddSingleton<OutboundUrlCheck>();
        builder.Services.AddSingleton<OutboundHttp>();
        var keys = KeyEncryptionKeys.From(builder.Configuration);
        if (keys.Current is null && !builder.Environment.IsDevelopment())
            throw new InvalidOperationException($"{KeyEncryptionKeys.KeySetting} is required outside Development: it seals webhook secrets (docs/security.md, Secrets).");
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton<WebhookSecrets>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddHostedService<WebhookRelay>();
        return builder;
    }
}
