namespace LlmLab.Identity.Domain;

/// <summary>An issued API key: only its SHA-256 is kept; the key itself is shown once, when issued.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }
    public required string OrganisationId { get; set; }
    /// <summary>The user the key acts for; null: the key is its own caller.</summary>
    public Guid? UserId { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }
    /// <summary>Grants narrowing the role (see ServiceKit Permissions); empty: everything the role allows.</summary>
    public List<string> Scopes { get; set; } = [];
    /// <summary>The key's first characters, enough to recognise it in a list, far too few to use it.</summary>
    public required string Prefix { get; set; }
    public required byte[] Hash { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public string SubjectId => UserId is { } user ? Subjects.OfUser(user) : Subjects.OfKey(Id);

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
