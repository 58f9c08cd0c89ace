using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace LlmLab.ServiceKit.Secrets;

/// <summary>
/// Unwraps a Data Protection key wrapped by <see cref="KeyEncryptionKeyXmlEncryptor"/>, with whichever configured
/// key-encryption key (current or previous) wrapped it. Data Protection creates it by type name with the services.
/// </summary>
public sealed class KeyEncryptionKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var id = (string?)encryptedElement.Attribute("kek") ?? throw new CryptographicException("The wrapped key names no key-encryption key.");
        var key = services.GetService<KeyEncryptionKeys>()?.Find(id)
            ?? throw new CryptographicException(
                $"The Data Protection key ring was wrapped with key-encryption key {id}, which is not configured " +
                $"({KeyEncryptionKeys.KeySetting} or {KeyEncryptionKeys.PreviousSetting}).");
        return Unwrap(encryptedElement, key);
    }

    internal static XElement Unwrap(XElement encryptedElement, byte[] key)
    {
        var sealedBytes = Convert.FromBase64String(encryptedElement.Value);
        const int header = KeyEncryptionKeyXmlEncryptor.NonceBytes + KeyEncryptionKeyXmlEncryptor.TagBytes;
        var plaintext = new byte[sealedBytes.Length - header];
        using (var aes = new AesGcm(key, KeyEncryptionKeyXmlEncryptor.TagBytes))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, KeyEncryptionKeyXmlEncryptor.NonceBytes), sealedBytes.AsSpan(header),
                sealedBytes.AsSpan(KeyEncryptionKeyXmlEncryptor.NonceBytes, KeyEncryptionKeyXmlEncryptor.TagBytes), plaintext,
                KeyEncryptionKeyXmlEncryptor.AssociatedData);
        }
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
