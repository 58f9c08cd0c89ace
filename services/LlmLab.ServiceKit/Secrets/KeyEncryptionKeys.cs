using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace LlmLab.ServiceKit.Secrets;

/// <summary>
/// The key-encryption keys (KEK) of a service: the current one, which wraps every new Data Protection key, and the
/// previous ones still needed to unwrap keys written before a rotation. They come from configuration or a secret file,
/// never from the store that holds the data they protect.
/// Settings: Security:KeyEncryptionKey (base64 of 32 bytes) or Security:KeyEncryptionKeyFile (a file holding that
/// base64 text), and Security:PreviousKeyEncryptionKeys (a list of base64 keys, during a rotation).
/// </summary>
public sealed class KeyEncryptionKeys
{
    public const string KeySetting = "Security:KeyEncryptionKey";
    public const string FileSetting = "Security:KeyEncryptionKeyFile";
    public const string PreviousSetting = "Security:PreviousKeyEncryptionKeys";
    private const int KeyBytes = 32;

    private readonly Dictionary<string, byte[]> _byId;

    private KeyEncryptionKeys(byte[]? current, IEnumerable<byte[]> previous)
    {
        Current = current;
        CurrentId = current is null ? null : IdOf(current);
        _byId = previous.Prepend(current).OfType<byte[]>().GroupBy(IdOf).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>Null when none is configured (allowed in Development only).</summary>
    public byte[]? Current { get; }
    public string? CurrentId { get; }

    public byte[]? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>A short public name of a key (a hash prefix), written next to what it wrapped so rotation finds the right key.</summary>
    public static string IdOf(byte[] key) =>
        Convert.ToHexString(SHA256.HashData([.. Encoding.ASCII.GetBytes("llmlab-kek-id:"), .. key]))[..16].ToLowerInvariant();

    /// <summary>Reads the keys; a malformed key is an error naming its setting.</summary>
    public static KeyEncryptionKeys From(IConfiguration configuration)
    {
        var text = configuration[KeySetting];
        var file = configuration[FileSetting];
        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(file))
        {
            if (!File.Exists(file)) throw new InvalidOperationException($"{FileSetting}: the file '{file}' does not exist.");
            text = File.ReadAllText(file);
        }
        var current = string.IsNullOrWhiteSpace(text) ? null : Parse(text, string.IsNullOrWhiteSpace(configuration[KeySetting]) ? FileSetting : KeySetting);
        var previous = configuration.GetSection(PreviousSetting).GetChildren()
            .Select(c => Parse(c.Value ?? "", $"{PreviousSetting}:{c.Key}"))
            .ToList();
        return new KeyEncryptionKeys(current, previous);
    }

    private static byte[] Parse(string base64, string setting)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{setting}: not base64. Generate one with: openssl rand -base64 32");
        }
        return key.Length == KeyBytes ? key : throw new InvalidOperationException($"{setting}: must be {KeyBytes} bytes (base64), not {key.Length}. Generate one with: openssl rand -base64 32");
    }
}
