using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace LlmLab.ServiceKit.Secrets;

/// <summary>
/// Wraps each Data Protection key with AES-256-GCM under the current key-encryption key before the key ring is
/// stored, so the store (Redis) holds no key that decrypts anything on its own.
/// </summary>
public sealed class KeyEncryptionKeyXmlEncryptor(KeyEncryptionKeys keys) : IXmlEncryptor
{
    internal static readonly XNamespace Namespace = "urn:llmlab:key-encryption-key";
    internal static readonly byte[] AssociatedData = Encoding.ASCII.GetBytes("llmlab-dataprotection-key-v1");
    internal const int NonceBytes = 12;
    internal const int TagBytes = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var key = keys.Current ?? throw new InvalidOperationException($"{KeyEncryptionKeys.KeySetting} is not configured.");
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceBytes + TagBytes + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key, TagBytes))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), AssociatedData);
        }
        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(Namespace + "wrappedKey",
            new XAttribute("kek", keys.CurrentId!),
            new XAttribute("algorithm", "AES-256-GCM"),
            Convert.ToBase64String(sealedBytes));
        return new EncryptedXmlInfo(element, typeof(KeyEncryptionKeyXmlDecryptor));
    }
}
