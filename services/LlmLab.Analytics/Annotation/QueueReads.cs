using LlmLab.Analytics.Data;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.Annotation;

/// <summary>Which queues a caller sees (managers and admins: the tenant's; others: those they review) and their progress.</summary>
public static class QueueReads
{
    public static bool Manages(CallerIdentity caller) => caller.Role is Roles.Admin or Roles.Manager;

    public static IQueryable<AnnotationQueue> Visible(AnalyticsDbContext db, CallerIdentity caller)
    {
        var (tenant, subject, all) = (caller.TenantId, caller.SubjectId, Manages(caller));
        return db.AnnotationQueues.AsNoTracking().Where(q => q.TenantId == tenant && (all || q.Reviewers.Contains(subject)));
    }

    public static async Task<List<QueueView>> ViewsAsync(AnalyticsDbContext db, IReadOnlyList<AnnotationQueue> queues, CancellationToken ct)
    {
        var ids = queues.Select(q => q.Id).ToList();
        var progress = await db.AnnotationAssignments.AsNoTracking().Where(a => ids.Contains(a.QueueId))
            .GroupBy(a => new { a.QueueId, a.Reviewer })
            .Select(g => new
            {
                g.Key.QueueId, g.Key.Reviewer, Assigned = g.Count(), Done = g.Count(a => a.DoneAt != null),
                Skipped = g.Count(a => a.DoneAt == null && a.SkippedAt != null), Responses = g.Select(a => a.Position).Max() + 1,
            })
            .ToListAsync(ct);
        return queues.Select(q =>
        {
            var rows = progress.Where(p => p.QueueId == q.Id).ToDictionary(p => p.Reviewer);
            var reviewers = q.Reviewers.Select(r => rows.TryGetValue(r, out var p) ? new ReviewerProgress(r, p.Assigned, p.Done, p.Skipped)
                : new ReviewerProgress(r, 0, 0, 0)).ToList();
            var responses = rows.Count == 0 ? 0 : rows.Values.Max(p => p.Responses);
            return new QueueView(q.Id, q.Name, q.RunId, q.RunKind, responses, q.ReviewersPerResponse, q.SampleSize, q.Seed, reviewers,
                reviewers.Sum(r => r.Assigned), reviewers.Sum(r => r.Done), q.CreatedBy, q.CreatedAt);
        }).ToList();
    }
}
