using System.Security.Cryptography;
using System.Xml.Linq;
using LlmLab.ServiceKit.Secrets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace LlmLab.UnitTests.Security;

/// <summary>The Data Protection key ring wrapped under the key-encryption key (a real key ring in a temporary folder).</summary>
public sealed class KeyEncryptionKeyTests : IDisposable
{
    private readonly DirectoryInfo _ring = Directory.CreateTempSubdirectory("llmlab-kek-");
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public void Dispose() => _ring.Delete(recursive: true);

    private IDataProtector Protector(Dictionary<string, string?> settings, string environment = "Production")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("kek-test").PersistKeysToFileSystem(_ring)
            .ProtectKeysWithKeyEncryptionKey(configuration, new Environment(environment));
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
    }

    [Fact]
    public void The_stored_key_ring_is_wrapped_and_only_the_key_encryption_key_opens_it()
    {
        var canary = $"canary-{Guid.NewGuid():N}";
        var secret = Protector(new() { ["Security:KeyEncryptionKey"] = KeyA }).Protect(canary);

        var stored = string.Concat(_ring.GetFiles().Select(f => File.ReadAllText(f.FullName)));
        Assert.Contains("wrappedKey", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("unencrypted", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", stored, StringComparison.Ordinal);

        Assert.Equal(canary, Protector(new() { ["Security:KeyEncryptionKey"] = KeyA }).Unprotect(secret));
        Assert.ThrowsAny<CryptographicException>(() => Protector(new() { ["Security:KeyEncryptionKey"] = KeyB }).Unprotect(secret));
        Assert.ThrowsAny<CryptographicException>(() => Protector(new(), "Development").Unprotect(secret));
    }

    [Fact]
    public void After_a_rotation_the_previous_key_still_opens_what_it_wrapped()
    {
        var secret = Protector(new() { ["Security:KeyEncryptionKey"] = KeyA }).Protect("before rotation");
        var rotated = Protector(new() { ["Security:KeyEncryptionKey"] = KeyB, ["Security:PreviousKeyEncryptionKeys:0"] = KeyA });
        Assert.Equal("before rotation", rotated.Unprotect(secret));
    }

    [Fact]
    public void Rewrapping_moves_the_ring_under_the_new_key_so_the_previous_one_can_be_removed()
    {
        var secret = Protector(new() { ["Security:KeyEncryptionKey"] = KeyA }).Protect("before rotation");
        Assert.Equal(1, RewrapRing(new() { ["Security:KeyEncryptionKey"] = KeyB, ["Security:PreviousKeyEncryptionKeys:0"] = KeyA }));
        Assert.Equal(0, RewrapRing(new() { ["Security:KeyEncryptionKey"] = KeyB }));
        Assert.Equal("before rotation", Protector(new() { ["Security:KeyEncryptionKey"] = KeyB }).Unprotect(secret));
        Assert.ThrowsAny<CryptographicException>(() => Protector(new() { ["Security:KeyEncryptionKey"] = KeyA }).Unprotect(secret));
    }

    [Fact]
    public void A_ring_stored_in_clear_before_a_key_was_configured_is_wrapped()
    {
        var secret = Protector(new(), "Development").Protect("written in development");
        Assert.Contains("<value>", RingText(), StringComparison.Ordinal);
        Assert.Equal(1, RewrapRing(new() { ["Security:KeyEncryptionKey"] = KeyA }));
        Assert.DoesNotContain("<value>", RingText(), StringComparison.Ordinal);
        Assert.Equal("written in development", Protector(new() { ["Security:KeyEncryptionKey"] = KeyA }).Unprotect(secret));
    }

    private string RingText() => string.Concat(_ring.GetFiles("*.xml").Select(f => File.ReadAllText(f.FullName)));

    private int RewrapRing(Dictionary<string, string?> settings)
    {
        var keys = KeyEncryptionKeys.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var rewrapped = 0;
        foreach (var file in _ring.GetFiles("*.xml"))
        {
            if (KeyRingRewrap.Rewrap(XElement.Load(file.FullName), keys) is not { } changed) continue;
            changed.Save(file.FullName);
            rewrapped++;
        }
        return rewrapped;
    }

    [Fact]
    public void The_key_can_come_from_a_secret_file()
    {
        var file = Path.Combine(_ring.FullName, "kek.txt");
        File.WriteAllText(file, KeyA + "\n");
        var secret = Protector(new() { ["Security:KeyEncryptionKeyFile"] = file }).Protect("from a file");
        Assert.Equal("from a file", Protector(new() { ["Security:KeyEncryptionKey"] = KeyA }).Unprotect(secret));
    }

    [Fact]
    public void Without_a_key_outside_development_or_with_a_malformed_one_the_service_does_not_start()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => Protector(new(), "Production"));
        Assert.Contains("Security:KeyEncryptionKey", missing.Message, StringComparison.Ordinal);
        var shortKey = Assert.Throws<InvalidOperationException>(() => Protector(new() { ["Security:KeyEncryptionKey"] = Convert.ToBase64String(new byte[16]) }));
        Assert.Contains("32 bytes", shortKey.Message, StringComparison.Ordinal);
        var notBase64 = Assert.Throws<InvalidOperationException>(() => Protector(new() { ["Security:PreviousKeyEncryptionKeys:0"] = "not base64!", ["Security:KeyEncryptionKey"] = KeyA }));
        Assert.Contains("Security:PreviousKeyEncryptionKeys:0", notBase64.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => Protector(new() { ["Security:KeyEncryptionKeyFile"] = "/nonexistent/kek" }));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "kek-test";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
