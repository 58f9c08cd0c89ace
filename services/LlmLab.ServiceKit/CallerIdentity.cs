namespace LlmLab.ServiceKit;

/// <summary>
/// Who is calling, as the gateway established it: the tenant, the user or key (subject), its role and tier.
/// Roles: admin, manager, analyst, user. Services read it with <c>HttpContext.Caller()</c>.
/// </summary>
public sealed record CallerIdentity(string TenantId, string SubjectId, string Role, string Tier = "enterprise", string? KeyId = null)
{
    public bool IsAdmin => Role == Roles.Admin;
}

public static class Roles
{
    public const string Admin = "admin";
    public const string Manager = "manager";
    public const string Analyst = "analyst";
    public const string User = "user";

    public static readonly string[] All = [Admin, Manager, Analyst, User];
}
