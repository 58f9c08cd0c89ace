using System.Security.Cryptography;
using System.Text;

namespace LlmLab.AppHost.Security;

/// <summary>
/// Password verifiers in the servers' own stored formats, so a plain password never travels in SQL, on a command line
/// or in a definitions file: PostgreSQL's SCRAM-SHA-256 secret and RabbitMQ's salted SHA-256 hash.
/// </summary>
public static class PasswordVerifiers
{
    private const int ScramIterations = 4096;

    /// <summary>SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey (RFC 5802/7677), as pg_authid stores it.</summary>
    public static string PostgresScram(string password, byte[]? salt = null)
    {
        salt ??= RandomNumberGenerator.GetBytes(16);
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, ScramIterations, HashAlgorithmName.SHA256, 32);
        var clientKey = HMACSHA256.HashData(salted, "Client Key"u8);
        var storedKey = SHA256.HashData(clientKey);
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return $"SCRAM-SHA-256${ScramIterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }

    /// <summary>rabbit_password_hashing_sha256: base64(salt ‖ SHA-256(salt ‖ password)) with a 4-byte salt.</summary>
    public static string RabbitMqSha256(string password, byte[]? salt = null)
    {
        salt ??= RandomNumberGenerator.GetBytes(4);
        var hash = SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(password)]);
        return Convert.ToBase64String([.. salt, .. hash]);
    }
}
