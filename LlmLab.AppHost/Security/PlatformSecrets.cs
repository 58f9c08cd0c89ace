using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmLab.AppHost.Security;

/// <summary>
/// The credentials and keys of one data folder: generated the first time, kept in secrets.json (mode 0600) inside the
/// folder and reused on every start, so servers that already hold the passwords keep accepting them.
/// </summary>
public sealed record PlatformSecrets
{
    public const string FileName = "secrets.json";
    public const string RabbitMqUserName = "llmlab";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string? PostgresPassword { get; init; }
    public string? RedisPassword { get; init; }
    public string? RabbitMqUser { get; init; }
    public string? RabbitMqPassword { get; init; }
    /// <summary>32 random bytes, base64: the gateway signs internal identity tokens with it.</summary>
    public string? InternalTokenKey { get; init; }
    /// <summary>32 random bytes, base64: encrypts the Data Protection key ring.</summary>
    public string? KeyEncryptionKey { get; init; }

    public static string PathIn(string dataDirectory) => System.IO.Path.Combine(dataDirectory, FileName);

    /// <summary>Reads the folder's secrets, generating (and saving) any that are missing.</summary>
    public static PlatformSecrets LoadOrCreate(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        var stored = File.Exists(path) ? JsonSerializer.Deserialize<PlatformSecrets>(File.ReadAllText(path), Json) ?? new() : new();
        var complete = stored with
        {
            PostgresPassword = stored.PostgresPassword ?? Password(),
            RedisPassword = stored.RedisPassword ?? Password(),
            RabbitMqUser = stored.RabbitMqUser ?? RabbitMqUserName,
            RabbitMqPassword = stored.RabbitMqPassword ?? Password(),
            InternalTokenKey = stored.InternalTokenKey ?? Key(),
            KeyEncryptionKey = stored.KeyEncryptionKey ?? Key(),
        };
        if (complete != stored || !File.Exists(path)) Save(path, complete);
        else File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return complete;
    }

    /// <summary>Hex only: safe unescaped in connection strings, AMQP URIs and server configuration files.</summary>
    private static string Password() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static void Save(string path, PlatformSecrets secrets)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.Delete(temporary);
        using (var stream = new FileStream(temporary, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        {
            JsonSerializer.Serialize(stream, secrets, Json);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
