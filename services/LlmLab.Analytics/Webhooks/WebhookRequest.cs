using LlmLab.Analytics.Alerts;

namespace LlmLab.Analytics.Webhooks;

/// <summary>The body of POST /api/webhooks: where to post, which events, and the secret deliveries are signed with.</summary>
public sealed record WebhookRequest(string? Url, List<string>? Events, string? Secret)
{
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 512;
    public const int MaxUrlLength = 2048;

    public static IReadOnlyList<string> KnownEvents { get; } = AlertKinds.All.Select(AlertKinds.EventOf).ToList();

    /// <summary>The problems a look at the body finds (the URL's addresses are checked apart, they need DNS).</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Url)) errors["url"] = ["is required: the http(s) URL deliveries are posted to."];
        else if (Url.Length > MaxUrlLength) errors["url"] = [$"at most {MaxUrlLength} characters."];
        if (Events is not { Count: > 0 }) errors["events"] = [$"give at least one of {string.Join(", ", KnownEvents)}."];
        else
        {
            for (var i = 0; i < Events.Count; i++)
            {
                if (!KnownEvents.Contains(Events[i])) errors[$"events[{i}]"] = [$"must be one of {string.Join(", ", KnownEvents)}."];
            }
        }
        if (Secret is null || Secret.Length is < MinSecretLength or > MaxSecretLength)
            errors["secret"] = [$"is required: {MinSecretLength} to {MaxSecretLength} characters, used to sign every delivery (HMAC-SHA256)."];
        return errors;
    }
}
