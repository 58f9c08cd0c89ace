using LlmLab.Analytics.Alerts;
using LlmLab.Analytics.Webhooks;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Analytics.Data;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public const string ChangeSequence = "alert_changes";

    public void Configure(EntityTypeBuilder<Alert> e)
    {
        e.ToTable("alerts");
        e.HasKey(x => x.Id);
        e.Property(x => x.Sequence).HasDefaultValueSql($"nextval('{ChangeSequence}')").ValueGeneratedOnAdd();
        e.HasIndex(x => new { x.TenantId, x.Sequence });
        e.HasIndex(x => new { x.TenantId, x.CreatedAt });
        e.HasIndex(x => new { x.TenantId, x.DedupeKey }).IsUnique();
        e.Property(x => x.Kind).HasMaxLength(32);
        e.Property(x => x.Status).HasMaxLength(16);
        e.Property(x => x.DedupeKey).HasMaxLength(200);
    }
}

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> e)
    {
        e.ToTable("webhooks");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.TenantId);
        e.Property(x => x.Url).HasMaxLength(WebhookRequest.MaxUrlLength);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> e)
    {
        e.ToTable("webhook_deliveries");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.WebhookId, x.CreatedAt });
        e.HasIndex(x => x.NextAttemptAt).HasFilter("status = 'pending'").HasDatabaseName("ix_webhook_deliveries_due");
        e.Property(x => x.Event).HasMaxLength(64);
        e.Property(x => x.Status).HasMaxLength(16);
        e.Property(x => x.Payload).HasColumnType("jsonb");
        e.Property(x => x.Log).HasJson();
    }
}
