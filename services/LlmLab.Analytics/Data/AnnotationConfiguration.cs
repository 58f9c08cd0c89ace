using LlmLab.Analytics.Annotation;
using LlmLab.Analytics.Feedback;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Analytics.Data;

internal sealed class AnnotationQueueConfiguration : IEntityTypeConfiguration<AnnotationQueue>
{
    public void Configure(EntityTypeBuilder<AnnotationQueue> e)
    {
        e.ToTable("annotation_queues");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.TenantId, x.CreatedAt });
        e.Property(x => x.Name).HasMaxLength(TextRules.MaxName);
        e.Property(x => x.RunKind).HasMaxLength(20);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
    }
}

internal sealed class AnnotationAssignmentConfiguration : IEntityTypeConfiguration<AnnotationAssignment>
{
    public void Configure(EntityTypeBuilder<AnnotationAssignment> e)
    {
        e.ToTable("annotation_assignments");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.QueueId, x.Reviewer, x.Position }).IsUnique();
        e.HasIndex(x => new { x.TenantId, x.ResponseId, x.Reviewer });
        e.Property(x => x.Reviewer).HasMaxLength(200);
    }
}
