using LlmLab.Identity.Domain;

namespace LlmLab.Identity.Apis;

/// <summary>Body of POST (all required) and PUT (absent fields keep their value) /api/admin/users.</summary>
public sealed record UserInput(string? Email, string? Name, string? Role);

public sealed record UserDto(Guid Id, string SubjectId, string Email, string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static UserDto From(User u) => new(u.Id, u.SubjectId, u.Email, u.Name, u.Role, u.CreatedAt, u.UpdatedAt);
}
