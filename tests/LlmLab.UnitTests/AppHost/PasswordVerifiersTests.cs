using System.Security.Cryptography;
using System.Text;
using LlmLab.AppHost.Security;

namespace LlmLab.UnitTests.AppHost;

public class PasswordVerifiersTests
{
    [Fact]
    public void The_scram_verifier_yields_the_server_signature_of_the_rfc_7677_example()
    {
        // RFC 7677 section 3: user "user", password "pencil", salt W22ZaJ0SNY7soEsUEjb6gQ==, 4096 iterations.
        var verifier = PasswordVerifiers.PostgresScram("pencil", Convert.FromBase64String("W22ZaJ0SNY7soEsUEjb6gQ=="));
        var parts = verifier.Split('$');
        Assert.Equal("SCRAM-SHA-256", parts[0]);
        Assert.Equal("4096:W22ZaJ0SNY7soEsUEjb6gQ==", parts[1]);
        var serverKey = Convert.FromBase64String(parts[2].Split(':')[1]);
        const string authMessage = "n=user,r=rOprNGfwEbeRWgbNEkqO,"
            + "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
            + "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
        var serverSignature = HMACSHA256.HashData(serverKey, Encoding.ASCII.GetBytes(authMessage));
        Assert.Equal("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", Convert.ToBase64String(serverSignature));
    }

    [Fact]
    public void The_scram_verifier_does_not_contain_the_password_and_is_salted_anew_each_time()
    {
        var first = PasswordVerifiers.PostgresScram("a-password-0123");
        Assert.DoesNotContain("a-password-0123", first, StringComparison.Ordinal);
        Assert.NotEqual(first, PasswordVerifiers.PostgresScram("a-password-0123"));
    }

    [Fact]
    public void The_rabbitmq_hash_is_the_salt_then_sha256_of_salt_and_password()
    {
        byte[] salt = [0x90, 0x8D, 0xC6, 0x0A];
        var hash = Convert.FromBase64String(PasswordVerifiers.RabbitMqSha256("test12", salt));
        Assert.Equal(36, hash.Length);
        Assert.Equal(salt, hash[..4]);
        Assert.Equal(SHA256.HashData([.. salt, .. "test12"u8.ToArray()]), hash[4..]);
    }
}
