using LlmLab.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Identity.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_entries");
        e.HasKey(x => x.Id);
        e.Property(x => x.TenantId).HasMaxLength(100);
        e.Property(x => x.SubjectId).HasMaxLength(200);
        e.Property(x => x.Role).HasMaxLength(20);
        e.Property(x => x.Action).HasMaxLength(40);
        e.Property(x => x.Target).HasMaxLength(200);
        e.Property(x => x.Method).HasMaxLength(10);
        e.Property(x => x.Path).HasMaxLength(2000);
        e.HasIndex(x => new { x.TenantId, x.At });
    }
}
