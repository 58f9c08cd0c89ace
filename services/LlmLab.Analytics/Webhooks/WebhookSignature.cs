using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LlmLab.Analytics.Webhooks;

/// <summary>
/// The signature of a delivery, in the header <c>X-LlmLab-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c> where
/// hex = HMAC-SHA256(secret, "&lt;t&gt;.&lt;body&gt;"). Signing the time with the body lets a receiver refuse replays.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-LlmLab-Signature";
    public const string EventHeader = "X-LlmLab-Event";
    public const string DeliveryHeader = "X-LlmLab-Delivery";

    public static string Sign(byte[] secret, long unixSeconds, string body)
    {
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
