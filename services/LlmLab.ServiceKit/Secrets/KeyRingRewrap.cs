using System.Security.Cryptography;
using System.Xml.Linq;

namespace LlmLab.ServiceKit.Secrets;

/// <summary>
/// Brings a stored Data Protection key under the current key-encryption key: a key wrapped under a previous one is
/// unwrapped and wrapped again, and a key stored in clear (written before any key-encryption key was configured) is
/// wrapped. Data Protection never rewrites stored keys itself, so without this a rotated-out key-encryption key would
/// have to stay configured for as long as the keys it wrapped exist.
/// </summary>
public static class KeyRingRewrap
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";

    /// <summary>The key element with every secret wrapped under the current key, or null when nothing had to change.</summary>
    public static XElement? Rewrap(XElement key, KeyEncryptionKeys keys)
    {
        if (keys.Current is null) return null;
        var copy = new XElement(key);
        var changed = false;
        foreach (var clear in copy.Descendants().Where(e => (bool?)e.Attribute(DataProtection + "requiresEncryption") == true).ToList())
        {
            clear.ReplaceWith(Wrap(clear, keys));
            changed = true;
        }
        foreach (var wrapped in copy.Descendants(KeyEncryptionKeyXmlEncryptor.Namespace + "wrappedKey").ToList())
        {
            var id = (string?)wrapped.Attribute("kek");
            if (id == keys.CurrentId) continue;
            var previous = keys.Find(id ?? "") ?? throw new CryptographicException(
                $"A stored key is wrapped with key-encryption key {id}, which is not configured ({KeyEncryptionKeys.PreviousSetting}).");
            var secret = wrapped.Parent ?? throw new CryptographicException("A wrapped key sits outside its encryptedSecret element.");
            secret.ReplaceWith(Wrap(KeyEncryptionKeyXmlDecryptor.Unwrap(wrapped, previous), keys));
            changed = true;
        }
        return changed ? copy : null;
    }

    // The shape Data Protection itself writes for an encrypted secret, so it reads the result as it reads its own.
    private static XElement Wrap(XElement secret, KeyEncryptionKeys keys)
    {
        var encrypted = new KeyEncryptionKeyXmlEncryptor(keys).Encrypt(secret);
        return new XElement(DataProtection + "encryptedSecret",
            new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!),
            encrypted.EncryptedElement);
    }
}
