using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LlmLab.ServiceKit.Secrets;

/// <summary>Data Protection whose key ring is stored wrapped under the key-encryption key from configuration.</summary>
public static class KeyEncryptionKeyExtensions
{
    /// <summary>
    /// Wraps every key of the ring under Security:KeyEncryptionKey (or …File). Outside Development a missing key stops
    /// the service at start: its key ring would otherwise be stored in clear beside the data it protects.
    /// </summary>
    public static IDataProtectionBuilder ProtectKeysWithKeyEncryptionKey(this IDataProtectionBuilder builder, IConfiguration configuration, IHostEnvironment environment)
    {
        var keys = KeyEncryptionKeys.From(configuration);
        if (keys.Current is null && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{KeyEncryptionKeys.KeySetting} (or {KeyEncryptionKeys.FileSetting}) is required outside Development: the key " +
                "that encrypts stored secrets. Generate one with: openssl rand -base64 32 (see docs/security.md, Secrets).");
        }
        builder.Services.AddSingleton(keys);
        if (keys.Current is not null)
        {
            builder.Services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new KeyEncryptionKeyXmlEncryptor(keys));
        }
        return builder;
    }
}
