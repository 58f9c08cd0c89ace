using System.Xml.Linq;
using LlmLab.ServiceKit.Secrets;
using StackExchange.Redis;

namespace LlmLab.LlmIntegration.Extensions;

/// <summary>
/// At start, re-wraps the Data Protection key ring in Redis under the current key-encryption key (after a rotation, or
/// when a key-encryption key is configured for the first time), in one transaction that only applies if no replica
/// changed the ring meanwhile. Then the previous key-encryption key can be removed from configuration.
/// </summary>
public sealed class KeyRingRewrapper(IConnectionMultiplexer redis, KeyEncryptionKeys keys, ILogger<KeyRingRewrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (keys.Current is null) return;
        var db = redis.GetDatabase();
        var stored = await db.ListRangeAsync(LlmIntegrationServices.DataProtectionKeyRing);
        var rewrapped = 0;
        var elements = new List<RedisValue>(stored.Length);
        foreach (var value in stored)
        {
            var changed = KeyRingRewrap.Rewrap(XElement.Parse(value.ToString()), keys);
            if (changed is not null) rewrapped++;
            elements.Add(changed is null ? value : changed.ToString(SaveOptions.DisableFormatting));
        }
        if (rewrapped == 0) return;

        var transaction = db.CreateTransaction();
        transaction.AddCondition(Condition.ListLengthEqual(LlmIntegrationServices.DataProtectionKeyRing, stored.Length));
        _ = transaction.KeyDeleteAsync(LlmIntegrationServices.DataProtectionKeyRing);
        _ = transaction.ListRightPushAsync(LlmIntegrationServices.DataProtectionKeyRing, [.. elements]);
        if (await transaction.ExecuteAsync())
            logger.LogInformation("Re-wrapped {Count} Data Protection keys under key-encryption key {KeyId}", rewrapped, keys.CurrentId);
        else
            logger.LogWarning("The key ring changed while it was being re-wrapped; it is re-wrapped at the next start");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
