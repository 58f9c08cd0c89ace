using System.Diagnostics;
using System.Text;
using LlmLab.ServiceKit.Outbound;
using Microsoft.Extensions.Options;

namespace LlmLab.Analytics.Webhooks;

/// <summary>
/// Posts one delivery, signed, through the checked outbound connections (an address the policy blocks is refused at
/// connect time, so a URL that resolves differently later gains nothing). No redirects are followed.
/// </summary>
public sealed class WebhookSender(OutboundHttp outbound, IOptions<WebhookOptions> options, TimeProvider time)
{
    private readonly HttpClient _client = outbound.CreateClient();

    public async Task<DeliveryAttempt> SendAsync(string url, byte[] secret, WebhookDelivery delivery, CancellationToken ct)
    {
        var attempt = delivery.Attempts + 1;
        var at = time.GetUtcNow();
        var watch = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, at.ToUnixTimeSeconds(), delivery.Payload));
        request.Headers.Add(WebhookSignature.EventHeader, delivery.Event);
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString());
        request.Headers.UserAgent.ParseAdd("LlmLab-Webhooks/1");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return new(attempt, at, status, response.IsSuccessStatusCode ? null : $"the receiver answered {status}.", Elapsed(watch));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(attempt, at, null, $"no answer within {options.Value.TimeoutSeconds} s.", Elapsed(watch));
        }
        catch (HttpRequestException e)
        {
            return new(attempt, at, null, e.InnerException is BlockedAddressException blocked ? blocked.Message : $"could not connect: {e.Message}", Elapsed(watch));
        }
    }

    private static double Elapsed(Stopwatch watch) => Math.Round(watch.Elapsed.TotalMilliseconds, 1);
}
