namespace LlmLab.ServiceKit.Authorization;

/// <summary>
/// What each role may do. A grant is a permission ("experiments:read"), a family ("experiments:*"), everything ("*"),
/// or a permission on the caller's own rows only ("experiments:read:own": honoured only on routes whose service
/// filters by the caller). Keys may narrow their role further with scopes (grants of the same form, never wider).
/// </summary>
public static class Permissions
{
    public const string ExperimentsRead = "experiments:read";
    public const string ExperimentsCreate = "experiments:create";
    public const string ExperimentsUpdate = "experiments:update";
    public const string ExperimentsDelete = "experiments:delete";
    public const string AnalyticsRead = "analytics:read";
    public const string AnalyticsWrite = "analytics:write";
    public const string QualityRead = "quality:read";
    public const string LlmRead = "llm:read";
    public const string LlmUse = "llm:use";
    public const string LlmManage = "llm:manage";
    public const string KnowledgeRead = "knowledge:read";
    public const string KnowledgeWrite = "knowledge:write";
    public const string UsersRead = "users:read";
    public const string UsersWrite = "users:write";
    public const string KeysRead = "keys:read";
    public const string KeysWrite = "keys:write";
    public const string OrganisationsRead = "organisations:read";
    public const string OrganisationsWrite = "organisations:write";
    public const string AuditRead = "audit:read";
    public const string TenantExport = "tenant:export";
    public const string TenantErase = "tenant:erase";
    /// <summary>What a route missing from the gateway's table needs: only admins ("*") reach it.</summary>
    public const string Unlisted = "platform:unlisted";

    public const string OwnSuffix = ":own";

    public static readonly IReadOnlyList<string> All =
    [
        ExperimentsRead, ExperimentsCreate, ExperimentsUpdate, ExperimentsDelete, AnalyticsRead, AnalyticsWrite, QualityRead,
        LlmRead, LlmUse, LlmManage, KnowledgeRead, KnowledgeWrite, UsersRead, UsersWrite, KeysRead, KeysWrite, OrganisationsRead, OrganisationsWrite,
        AuditRead, TenantExport, TenantErase, Unlisted,
    ];

    /// <summary>The permission matrix. llm:read (the model list a new experiment needs) is granted to every role.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ByRole = new Dictionary<string, IReadOnlyList<string>>
    {
        [Roles.Admin] = ["*"],
        [Roles.Manager] = ["experiments:*", AnalyticsRead, UsersRead, LlmRead, "knowledge:*"],
        [Roles.Analyst] = [ExperimentsRead, ExperimentsCreate, QualityRead, AnalyticsRead, LlmRead, KnowledgeRead, KnowledgeWrite],
        [Roles.User] =
        [
            ExperimentsRead + OwnSuffix, ExperimentsCreate + OwnSuffix, ExperimentsUpdate + OwnSuffix,
            ExperimentsDelete + OwnSuffix, AnalyticsRead + OwnSuffix, LlmRead, KnowledgeRead,
        ],
    };

    /// <summary>
    /// Whether a caller of <paramref name="role"/>, holding a key narrowed to <paramref name="scopes"/> (empty: not
    /// narrowed), may use <paramref name="permission"/> on a route; <paramref name="ownerScoped"/> routes accept ":own".
    /// </summary>
    public static bool Allows(string role, IReadOnlyCollection<string> scopes, string permission, bool ownerScoped)
    {
        if (!ByRole.TryGetValue(role, out var grants)) return false;
        return Holds(grants, permission, ownerScoped) && (scopes.Count == 0 || Holds(scopes, permission, ownerScoped));
    }

    /// <summary>Whether a scope a key asks for is a grant this table knows.</summary>
    public static bool IsKnownGrant(string grant)
    {
        if (grant == "*") return true;
        var permission = grant.EndsWith(OwnSuffix, StringComparison.Ordinal) ? grant[..^OwnSuffix.Length] : grant;
        if (permission.EndsWith(":*", StringComparison.Ordinal))
        {
            var family = permission[..^1];
            return All.Any(p => p.StartsWith(family, StringComparison.Ordinal));
        }
        return All.Contains(permission);
    }

    /// <summary>Every permission the role and scopes give, each with ":own" where it holds only for own rows.</summary>
    public static IReadOnlyList<string> Effective(string role, IReadOnlyCollection<string> scopes) =>
        All.Select(p => Allows(role, scopes, p, ownerScoped: false) ? p : Allows(role, scopes, p, ownerScoped: true) ? p + OwnSuffix : null)
            .OfType<string>().ToList();

    private static bool Holds(IEnumerable<string> grants, string permission, bool ownerScoped) =>
        grants.Any(g => Matches(g, permission) || (ownerScoped && g.EndsWith(OwnSuffix, StringComparison.Ordinal) && Matches(g[..^OwnSuffix.Length], permission)));

    private static bool Matches(string grant, string permission) =>
        grant == "*" || grant == permission
        || (grant.EndsWith(":*", StringComparison.Ordinal) && permission.StartsWith(grant[..^1], StringComparison.Ordinal));
}
