using System.Security.Cryptography;
using System.Text;
using LlmLab.ServiceKit.Secrets;

namespace LlmLab.Analytics.Webhooks;

/// <summary>
/// Seals webhook secrets for storage: AES-256-GCM under a key derived (HKDF-SHA256) from the service's key-encryption
/// key, bound to the webhook's id, stored as "&lt;kek id&gt;.&lt;base64 nonce|tag|ciphertext&gt;" so a rotated key still opens old ones.
/// </summary>
public sealed class WebhookSecrets(KeyEncryptionKeys keys)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("llmlab-webhook-secret-v1");

    public bool CanSeal => keys.Current is not null;

    public string Seal(Guid webhookId, string secret)
    {
        var kek = keys.Current ?? throw new InvalidOperationException($"{KeyEncryptionKeys.KeySetting} is not configured.");
        var plaintext = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceBytes + TagBytes + plaintext.Length];
        RandomNumberGenerator.Fill(sealedBytes.AsSpan(0, NonceBytes));
        using (var aes = new AesGcm(Derive(kek), TagBytes))
        {
            aes.Encrypt(sealedBytes.AsSpan(0, NonceBytes), plaintext, sealedBytes.AsSpan(NonceBytes + TagBytes),
                sealedBytes.AsSpan(NonceBytes, TagBytes), webhookId.ToByteArray());
        }
        CryptographicOperations.ZeroMemory(plaintext);
        return $"{keys.CurrentId}.{Convert.ToBase64String(sealedBytes)}";
    }

    public byte[] Open(Guid webhookId, string sealedSecret)
    {
        var dot = sealedSecret.IndexOf('.', StringComparison.Ordinal);
        var kek = (dot > 0 ? keys.Find(sealedSecret[..dot]) : null)
            ?? throw new CryptographicException("The webhook secret was sealed with a key-encryption key that is not configured.");
        var sealedBytes = Convert.FromBase64String(sealedSecret[(dot + 1)..]);
        var plaintext = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(Derive(kek), TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plaintext,
            webhookId.ToByteArray());
        return plaintext;
    }

    private static byte[] Derive(byte[] kek) => HKDF.DeriveKey(HashAlgorithmName.SHA256, kek, 32, info: Purpose);
}
