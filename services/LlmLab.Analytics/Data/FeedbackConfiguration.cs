using LlmLab.Analytics.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Analytics.Data;

internal sealed class FeedbackConfiguration : IEntityTypeConfiguration<ResponseFeedback>
{
    public void Configure(EntityTypeBuilder<ResponseFeedback> e)
    {
        e.ToTable("response_feedback");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.TenantId, x.ResponseId, x.Reviewer }).IsUnique();
        e.Property(x => x.Reviewer).HasMaxLength(200);
        e.Property(x => x.Thumbs).HasMaxLength(4);
        e.Property(x => x.Label).HasMaxLength(FeedbackRequest.MaxLabelLength);
    }
}
