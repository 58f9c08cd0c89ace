using LlmLab.ServiceKit.Authorization;
using static LlmLab.ServiceKit.Authorization.Permissions;

namespace LlmLab.Gateway.Authorization;

/// <summary>One rule: a path pattern ("*" one segment, "**" the rest), the methods it covers, the permission needed.</summary>
public sealed record RouteRule(string Pattern, string[] Methods, string Permission, bool OwnerScoped = false)
{
    public bool Matches(string[] segments, string method) =>
        Methods.Contains(method, StringComparer.OrdinalIgnoreCase) && Match(Pattern.Split('/', StringSplitOptions.RemoveEmptyEntries), segments);

    private static bool Match(string[] pattern, string[] segments)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == "**") return true;
            if (i >= segments.Length || (pattern[i] != "*" && !string.Equals(pattern[i], segments[i], StringComparison.OrdinalIgnoreCase))) return false;
        }
        return pattern.Length == segments.Length;
    }
}

/// <summary>
/// The gateway's whole authorization table: every route prefix × method → the permission it needs (first match wins;
/// a route not listed needs platform:unlisted, which only admins hold). OwnerScoped routes are served by a service that
/// also filters by the caller, so ":own" grants (role user) are honoured there.
/// </summary>
public static class RoutePermissions
{
    public const string Authenticated = "";

    private static readonly string[] Read = ["GET", "HEAD"];
    private static readonly string[] Create = ["POST"];
    private static readonly string[] Update = ["PUT", "PATCH"];
    private static readonly string[] Delete = ["DELETE"];
    private static readonly string[] Write = ["POST", "PUT", "PATCH", "DELETE"];
    private static readonly string[] ReadOrScore = ["GET", "HEAD", "POST"];

    public static readonly IReadOnlyList<RouteRule> Rules =
    [
        new("/api/me", Read, Authenticated),
        new("/api/admin/keys/**", Read, KeysRead),
        new("/api/admin/keys/**", Write, KeysWrite),
        new("/api/admin/users/**", Read, UsersRead),
        new("/api/admin/users/**", Write, UsersWrite),
        new("/api/admin/organisations/**", Read, OrganisationsRead),
        new("/api/admin/organisations/**", Write, OrganisationsWrite),
        new("/api/audit", Read, AuditRead),
        new("/api/tenants/me/export", Read, TenantExport),
        new("/api/tenants/me", Delete, TenantErase),

        // Runs, responses, exports and analytics views are owner-scoped: batch narrows every query of a user to the runs
        // it owns (BatchDbContext.OwnerOnly) and analytics narrows its views to those runs (KnownIds.OwnRunsAsync).
        new("/api/experiments/batch/*/insights", Read, AnalyticsRead, OwnerScoped: true),
        // A token to read the run's progress stream: reading, though it is a POST (batch still checks ownership on use).
        new("/api/experiments/batch/*/progress-token", Create, ExperimentsRead, OwnerScoped: true),
        new("/api/experiments/batch/**", Read, ExperimentsRead, OwnerScoped: true),
        new("/api/experiments/batch/**", Create, ExperimentsCreate, OwnerScoped: true),
        new("/api/experiments/batch/**", Delete, ExperimentsDelete, OwnerScoped: true),
        new("/api/experiments/*/progress", Read, ExperimentsRead, OwnerScoped: true),
        // Gates are served by analytics, which does not filter by owner: no ":own" grant reaches them.
        new("/api/experiments/*/gates", Read, ExperimentsRead),
        new("/api/experiments/*/gates", [.. Update, .. Delete], ExperimentsUpdate),
        new("/api/experiments/**", Read, ExperimentsRead, OwnerScoped: true),
        new("/api/experiments/**", Create, ExperimentsCreate, OwnerScoped: true),
        new("/api/experiments/**", Update, ExperimentsUpdate, OwnerScoped: true),
        new("/api/experiments/**", Delete, ExperimentsDelete, OwnerScoped: true),
        // batch reads the experiment as the caller, so a user can run only their own.
        new("/api/responses/generate", Create, ExperimentsCreate, OwnerScoped: true),
        // People's feedback: reviewers (analysts too) judge responses they may read.
        new("/api/responses/*/feedback", Create, ExperimentsCreate),
        // Analytics serves the feedback and does not filter by owner: no ":own" grant reaches it.
        new("/api/responses/*/feedback", Read, ExperimentsRead),
        new("/api/responses/**", Read, ExperimentsRead, OwnerScoped: true),
        new("/api/responses/**", Create, ExperimentsUpdate),
        new("/api/metrics/*", Read, ExperimentsRead, OwnerScoped: true),
        new("/api/metrics/**", ReadOrScore, ExperimentsRead),
        new("/api/runs/**", Read, ExperimentsRead),
        new("/api/datasets/**", Read, ExperimentsRead),
        new("/api/datasets/**", Create, ExperimentsCreate),
        new("/api/datasets/**", Delete, ExperimentsDelete),
        // An evaluation's gate (analytics), set like an experiment's: by those who may change experiments.
        new("/api/evaluations/*/gates", Read, ExperimentsRead),
        new("/api/evaluations/*/gates", [.. Update, .. Delete], ExperimentsUpdate),
        new("/api/evaluations/**", Read, ExperimentsRead),
        new("/api/evaluations/**", Create, ExperimentsCreate),
        new("/api/evaluations/**", Delete, ExperimentsDelete),

        new("/api/training/**", Read, ExperimentsRead),
        new("/api/training/**", Create, ExperimentsCreate),
        new("/api/test-submissions/**", Read, ExperimentsRead),
        new("/api/test-submissions/**", Create, ExperimentsCreate),

        new("/api/quality/**", ReadOrScore, QualityRead),
        new("/api/analytics/**", Read, AnalyticsRead, OwnerScoped: true),
        new("/api/analytics/**", Write, AnalyticsWrite),
        new("/api/alerts/**", Read, AnalyticsRead),
        // The tenant's live events (runs, gates, alerts) and a token for a browser to open them: reading, though a POST.
        new("/api/events/stream-token", Create, AnalyticsRead),
        new("/api/events/stream", Read, AnalyticsRead),
        // Acknowledging and resolving is acting on the experiments the alert is about.
        new("/api/alerts/**", Create, ExperimentsUpdate),
        // A webhook's URL and secret send the tenant's alerts elsewhere: only analytics:write (admins) may change them.
        new("/api/webhooks/**", Read, AnalyticsRead),
        new("/api/webhooks/**", Write, AnalyticsWrite),
        // Annotation queues (analytics): managers deal a run's responses to reviewers; reviewers read their next item
        // and skip (feedback itself goes through /api/responses/*/feedback). Analytics hides a queue from a caller who
        // neither manages nor reviews it.
        new("/api/annotation-queues/*/items/*/skip", Create, ExperimentsCreate),
        new("/api/annotation-queues/**", Read, ExperimentsRead),
        new("/api/annotation-queues/**", Create, ExperimentsUpdate),
        new("/api/annotation-queues/**", Delete, ExperimentsDelete),
        new("/api/feedback/**", Read, AnalyticsRead),
        new("/api/feedback/**", Create, AnalyticsWrite),
        new("/api/export/analytics/**", Read, AnalyticsRead, OwnerScoped: true),
        new("/api/export/**", ReadOrScore, ExperimentsRead, OwnerScoped: true),

        new("/api/documents/**", Read, KnowledgeRead),
        new("/api/documents/**", Write, KnowledgeWrite),
        // Searching reads the knowledge base, though it is a POST.
        new("/api/knowledge/search", Create, KnowledgeRead),

        new("/api/budgets", Read, AnalyticsRead),
        new("/api/budgets", Update, LlmManage),
        new("/api/llm/**", Read, LlmRead),
        new("/api/llm/**", Write, LlmManage),
        new("/v1/**", ReadOrScore, LlmUse),
    ];

    /// <summary>The rule for a request, or a rule needing platform:unlisted when the table has none.</summary>
    public static RouteRule For(PathString path, string method)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return Rules.FirstOrDefault(r => r.Matches(segments, method)) ?? new RouteRule(path.Value ?? "/", [method], Unlisted);
    }
}
