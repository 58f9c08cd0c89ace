using System.Text.Json;
using LlmLab.ServiceKit;
using LlmLab.Training.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Training.Data;

internal sealed class TrainingJobConfiguration : IEntityTypeConfiguration<TrainingJob>
{
    public void Configure(EntityTypeBuilder<TrainingJob> e)
    {
        e.ToTable("training_jobs");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
        e.HasIndex(x => new { x.Status, x.CreatedAt });
        e.Property(x => x.Status).HasConversion(v => v.Name(), v => Enum.Parse<JobStatus>(v, true)).HasMaxLength(16);
        e.Property(x => x.Samples).HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
            v => JsonSerializer.Deserialize<List<Sample>>(v, (JsonSerializerOptions?)null) ?? new List<Sample>(),
            new ValueComparer<List<Sample>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        e.Ignore(x => x.Settings);
    }
}

internal sealed class TrainingStepConfiguration : IEntityTypeConfiguration<TrainingStep>
{
    public void Configure(EntityTypeBuilder<TrainingStep> e)
    {
        e.ToTable("training_steps");
        e.HasKey(x => new { x.JobId, x.Step });
    }
}

internal sealed class HoldoutPointConfiguration : IEntityTypeConfiguration<HoldoutPoint>
{
    public void Configure(EntityTypeBuilder<HoldoutPoint> e)
    {
        e.ToTable("holdout_points");
        e.HasKey(x => new { x.JobId, x.Epoch });
    }
}

internal sealed class JobCheckpointConfiguration : IEntityTypeConfiguration<JobCheckpoint>
{
    public void Configure(EntityTypeBuilder<JobCheckpoint> e)
    {
        e.ToTable("job_checkpoints");
        e.HasKey(x => x.JobId);
    }
}

internal sealed class TrainedModelConfiguration : IEntityTypeConfiguration<TrainedModel>
{
    public void Configure(EntityTypeBuilder<TrainedModel> e)
    {
        e.ToTable("trained_models");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
    }
}

internal sealed class TestSubmissionConfiguration : IEntityTypeConfiguration<TestSubmission>
{
    public void Configure(EntityTypeBuilder<TestSubmission> e)
    {
        e.ToTable("test_submissions");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.TenantId, x.Collection, x.CreatedAt });
        e.Property(x => x.Metrics).HasJsonMap();
    }
}
