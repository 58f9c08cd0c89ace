namespace LlmLab.Identity.Domain;

/// <summary>A person of an organisation with one role. Removing a user keeps the row (audit) and revokes their keys.</summary>
public sealed class User
{
    public Guid Id { get; set; }
    public required string OrganisationId { get; set; }
    /// <summary>Lower-cased; unique within the organisation among users not removed.</summary>
    public required string Email { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The caller id services see for this user (experiments record it as created_by).</summary>
    public string SubjectId => Subjects.OfUser(Id);
}
