using LlmLab.Evaluation.Domain;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Evaluation.Data;

internal sealed class DatasetConfiguration : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> e)
    {
        e.ToTable("datasets");
        e.HasKey(x => x.Id);
        e.Property(x => x.TenantId).HasMaxLength(200);
        e.Property(x => x.Name).HasMaxLength(TextRules.MaxName);
        e.HasIndex(x => new { x.TenantId, x.Name });
        e.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DatasetVersionConfiguration : IEntityTypeConfiguration<DatasetVersion>
{
    public void Configure(EntityTypeBuilder<DatasetVersion> e)
    {
        e.ToTable("dataset_versions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Source).HasMaxLength(20);
        e.HasIndex(x => new { x.DatasetId, x.Version }).IsUnique();
    }
}

internal sealed class DatasetItemConfiguration : IEntityTypeConfiguration<DatasetItem>
{
    public void Configure(EntityTypeBuilder<DatasetItem> e)
    {
        e.ToTable("dataset_items");
        e.HasKey(x => x.Id);
        e.Property(x => x.Key).HasMaxLength(TextRules.MaxName);
        e.Property(x => x.Answers).HasJson();
        e.Property(x => x.SupportingFacts).HasJson();
        e.Property(x => x.Metadata).HasJsonMap();
        e.HasIndex(x => new { x.DatasetId, x.Version, x.Position }).IsUnique();
        e.HasOne<Dataset>().WithMany().HasForeignKey(x => x.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Domain.Evaluation>
{
    public void Configure(EntityTypeBuilder<Domain.Evaluation> e)
    {
        e.ToTable("evaluations");
        e.HasKey(x => x.Id);
        e.Property(x => x.TenantId).HasMaxLength(200);
        e.Property(x => x.Name).HasMaxLength(TextRules.MaxName);
        e.Property(x => x.Provider).HasMaxLength(TextRules.MaxProvider);
        e.Property(x => x.Model).HasMaxLength(TextRules.MaxModel);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Parameters).HasJson();
        // Nullable, so not HasJson (a class constraint); a record compares by value. EF passes a null past the conversion.
        e.Property(x => x.Judge).HasColumnType("jsonb").HasConversion(
            v => System.Text.Json.JsonSerializer.Serialize(v!, ServiceKitExtensions.Json),
            v => System.Text.Json.JsonSerializer.Deserialize<JudgeSettings>(v, ServiceKitExtensions.Json));
        e.Property(x => x.Methods).HasJson();
        e.HasIndex(x => new { x.TenantId, x.CreatedAt });
        // The rule "a dataset in use cannot be deleted" is also the database's.
        e.HasOne<Dataset>().WithMany().HasForeignKey(x => x.DatasetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationItemConfiguration : IEntityTypeConfiguration<EvaluationItem>
{
    public void Configure(EntityTypeBuilder<EvaluationItem> e)
    {
        e.ToTable("evaluation_items");
        e.HasKey(x => x.Id);
        e.Property(x => x.ItemKey).HasMaxLength(TextRules.MaxName);
        e.Property(x => x.MethodLabel).HasMaxLength(TextRules.MaxName);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Scores).HasJsonMap();
        e.Property(x => x.Trace).HasJson();
        e.Property(x => x.Retrieved).HasJson();
        e.HasIndex(x => new { x.EvaluationId, x.MethodLabel, x.ItemKey }).IsUnique();
        e.HasIndex(x => new { x.EvaluationId, x.Status });
        e.HasOne<Domain.Evaluation>().WithMany().HasForeignKey(x => x.EvaluationId).OnDelete(DeleteBehavior.Cascade);
    }
}
