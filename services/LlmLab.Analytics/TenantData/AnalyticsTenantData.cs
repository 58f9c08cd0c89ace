using LlmLab.Analytics.Alerts;
using LlmLab.Analytics.Data;
using LlmLab.Analytics.Webhooks;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.TenantData;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.TenantData;

/// <summary>The analytics section of a tenant export: the read model's rows (every scored response the views are computed from), gates (of experiments and evaluations) and their results, finished evaluations, alerts and webhooks (never their secrets), feedback, weight profiles, annotation queues and their assignments.</summary>
public static class AnalyticsTenantData
{
    public static IEndpointRouteBuilder MapAnalyticsTenantData(this IEndpointRouteBuilder app)
    {
        app.MapTenantData((HttpContext http, AnalyticsDbContext db) =>
        {
            var tenant = http.TenantId()!;
            return TypedResults.Ok(new
            {
                ScoredResponses = db.ScoredResponses.AsNoTracking().Where(r => r.TenantId == tenant).OrderBy(r => r.CreatedAt).AsAsyncEnumerable(),
                Gates = db.GateDefinitions.AsNoTracking().Where(g => g.TenantId == tenant).AsAsyncEnumerable(),
                EvaluationGates = db.EvaluationGateDefinitions.AsNoTracking().Where(g => g.TenantId == tenant).OrderBy(g => g.UpdatedAt).AsAsyncEnumerable(),
                FinishedEvaluations = db.FinishedEvaluations.AsNoTracking().Where(e => e.TenantId == tenant).OrderBy(e => e.FinishedAt).AsAsyncEnumerable(),
                GateResults = db.GateResults.AsNoTracking().Where(r => r.TenantId == tenant).OrderBy(r => r.EvaluatedAt).AsAsyncEnumerable(),
                Alerts = db.Alerts.AsNoTracking().Where(a => a.TenantId == tenant).OrderBy(a => a.CreatedAt).Select(a => AlertView.Of(a)).AsAsyncEnumerable(),
                Feedback = db.Feedback.AsNoTracking().Where(f => f.TenantId == tenant).OrderBy(f => f.CreatedAt).AsAsyncEnumerable(),
                AnnotationQueues = db.AnnotationQueues.AsNoTracking().Where(q => q.TenantId == tenant).OrderBy(q => q.CreatedAt).AsAsyncEnumerable(),
                AnnotationAssignments = db.AnnotationAssignments.AsNoTracking().Where(a => a.TenantId == tenant).OrderBy(a => a.QueueId)
                    .ThenBy(a => a.Position).ThenBy(a => a.Reviewer).AsAsyncEnumerable(),
                WeightProfiles = db.WeightProfiles.AsNoTracking().Where(p => p.TenantId == tenant).OrderBy(p => p.Name).AsAsyncEnumerable(),
                // Webhooks without their sealed secrets.
                Webhooks = db.Webhooks.AsNoTracking().Where(w => w.TenantId == tenant).OrderBy(w => w.CreatedAt).Select(w => WebhookView.Of(w)).AsAsyncEnumerable(),
            });
        });
        return app;
    }
}
