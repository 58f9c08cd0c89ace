using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace LlmLab.ServiceKit.Authorization;

/// <summary>
/// API keys issued by identity: "llk_" and 256 random bits. Only their SHA-256 is stored and sent between services;
/// a salt or a slow hash adds nothing for keys of that entropy, and lets the gateway look a key up by its hash.
/// </summary>
public static class IssuedKeys
{
    public const string Prefix = "llk_";
    /// <summary>How many leading characters of a key are kept to recognise it in a list.</summary>
    public const int VisiblePrefixLength = 12;

    public static string NewKey() => Prefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool LooksIssued(string key) => key.StartsWith(Prefix, StringComparison.Ordinal) && key.Length is > 20 and < 200;
}
