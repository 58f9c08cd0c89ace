using LlmLab.Analytics.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Analytics.Data;

internal sealed class WeightProfileConfiguration : IEntityTypeConfiguration<WeightProfile>
{
    public void Configure(EntityTypeBuilder<WeightProfile> e)
    {
        e.ToTable("weight_profiles");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
        e.Property(x => x.Name).HasMaxLength(CalibrateRequest.MaxNameLength);
        e.Property(x => x.Outcome).HasColumnType("jsonb");
    }
}
