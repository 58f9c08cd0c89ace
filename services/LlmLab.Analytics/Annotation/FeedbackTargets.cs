using LlmLab.Analytics.Data;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.Annotation;

/// <summary>The responses people may give feedback on: those analytics scored, and those an annotation queue of the tenant deals.</summary>
public static class FeedbackTargets
{
    public static async Task<bool> KnowsResponseAsync(this AnalyticsDbContext db, string tenantId, Guid responseId, CancellationToken ct) =>
        await db.ScoredResponses.AnyAsync(r => r.ResponseId == responseId && r.TenantId == tenantId, ct)
        || await db.AnnotationAssignments.AnyAsync(a => a.ResponseId == responseId && a.TenantId == tenantId, ct);
}
