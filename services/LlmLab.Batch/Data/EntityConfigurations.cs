using System.Text.Json;
using LlmLab.Batch.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Batch.Data;

internal sealed class BatchRunConfiguration : IEntityTypeConfiguration<BatchRun>
{
    public void Configure(EntityTypeBuilder<BatchRun> e)
    {
        e.ToTable("batch_runs");
        e.HasKey(x => x.Id);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        e.HasIndex(x => new { x.TenantId, x.ExperimentId });
    }
}

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> e)
    {
        e.ToTable("work_items");
        e.HasKey(x => x.Id);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(x => new { x.RunId, x.Status });
    }
}

internal sealed class StoredResponseConfiguration : IEntityTypeConfiguration<StoredResponse>
{
    public void Configure(EntityTypeBuilder<StoredResponse> e)
    {
        e.ToTable("responses");
        e.HasKey(x => x.Id);
        // The guarantee behind "a redelivered command never makes a second row".
        e.HasIndex(x => x.WorkItemId).IsUnique();
        e.HasIndex(x => new { x.TenantId, x.ExperimentId, x.CreatedAt });
        e.HasIndex(x => x.RunId);
        e.HasOne(x => x.Metrics).WithOne().HasForeignKey<ResponseMetrics>(m => m.ResponseId);
    }
}

internal sealed class ResponseMetricsConfiguration : IEntityTypeConfiguration<ResponseMetrics>
{
    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<Dictionary<string, string>, string> TextMapConverter = new(
        v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
        v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>());

    private static readonly ValueComparer<Dictionary<string, string>> TextMapComparer =
        new((a, b) => a!.Count == b!.Count && !a.Except(b).Any(), v => v.Count, v => new Dictionary<string, string>(v));

    public void Configure(EntityTypeBuilder<ResponseMetrics> e)
    {
        e.ToTable("response_metrics");
        e.HasKey(x => x.ResponseId);
        e.Property(x => x.All).HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
            v => JsonSerializer.Deserialize<Dictionary<string, double>>(v, (JsonSerializerOptions?)null) ?? new Dictionary<string, double>(),
            new ValueComparer<Dictionary<string, double>>((a, b) => a!.Count == b!.Count && !a.Except(b).Any(), v => v.Count, v => new Dictionary<string, double>(v)));
        e.Property(x => x.Errors).HasColumnType("jsonb").HasConversion(TextMapConverter, TextMapComparer);
        e.Property(x => x.Details).HasColumnType("jsonb").HasConversion(TextMapConverter, TextMapComparer);
        e.Property(x => x.AnalysisVersion).HasMaxLength(20);
    }
}
