using LlmLab.Identity.Domain;

namespace LlmLab.Identity.Apis;

/// <summary>Body of POST /api/admin/keys.</summary>
public sealed record KeyInput(string? Name, string? Role, DateTimeOffset? ExpiresAt, List<string>? Scopes, Guid? UserId);

/// <summary>A key as listed: never the key itself, only the prefix that helps recognise it.</summary>
public record ApiKeyDto(
    Guid Id, string Name, string Role, IReadOnlyList<string> Scopes, string Prefix, Guid? UserId, string SubjectId,
    string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, string Status)
{
    public static ApiKeyDto From(ApiKey k, DateTimeOffset now) => new(
        k.Id, k.Name, k.Role, k.Scopes, k.Prefix, k.UserId, k.SubjectId, k.CreatedBy, k.CreatedAt, k.ExpiresAt, k.RevokedAt,
        k.RevokedAt is not null ? "revoked" : k.IsUsableAt(now) ? "active" : "expired");
}

/// <summary>The answer to issuing a key: the only time the key itself is ever shown.</summary>
public sealed record IssuedKeyDto : ApiKeyDto
{
    public IssuedKeyDto(ApiKeyDto details, string key) : base(details) => Key = key;

    public string Key { get; }
}
