using LlmLab.Analytics.Alerts;
using LlmLab.Analytics.Annotation;
using LlmLab.Analytics.Domain;
using LlmLab.Analytics.EvaluationGates;
using LlmLab.Analytics.Feedback;
using LlmLab.Analytics.Gates;
using LlmLab.Analytics.Runs;
using LlmLab.Analytics.Webhooks;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.Data;

public sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options) : DbContext(options)
{
    public DbSet<ScoredResponse> ScoredResponses => Set<ScoredResponse>();
    public DbSet<FinishedRun> FinishedRuns => Set<FinishedRun>();
    public DbSet<GateDefinition> GateDefinitions => Set<GateDefinition>();
    public DbSet<GateResult> GateResults => Set<GateResult>();
    public DbSet<FinishedEvaluation> FinishedEvaluations => Set<FinishedEvaluation>();
    public DbSet<EvaluationGateDefinition> EvaluationGateDefinitions => Set<EvaluationGateDefinition>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<Webhook> Webhooks => Set<Webhook>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<ResponseFeedback> Feedback => Set<ResponseFeedback>();
    public DbSet<WeightProfile> WeightProfiles => Set<WeightProfile>();
    public DbSet<AnnotationQueue> AnnotationQueues => Set<AnnotationQueue>();
    public DbSet<AnnotationAssignment> AnnotationAssignments => Set<AnnotationAssignment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ScoredResponse>(e =>
        {
            e.ToTable("scored_responses");
            e.HasKey(x => x.ResponseId);
            e.HasIndex(x => x.MessageId).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.CreatedAt });
            e.HasIndex(x => new { x.TenantId, x.RunId, x.ItemKey });
            e.HasIndex(x => new { x.TenantId, x.RunId, x.ItemIdentity });
            e.HasIndex(x => new { x.TenantId, x.ExperimentId });
            e.Property(x => x.Metrics).HasJsonMap();
        });
        modelBuilder.HasSequence<long>(AlertConfiguration.ChangeSequence);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AnalyticsDbContext).Assembly);
    }
}
