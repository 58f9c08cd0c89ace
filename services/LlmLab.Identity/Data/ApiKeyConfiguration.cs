using LlmLab.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Identity.Data;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> e)
    {
        e.ToTable("api_keys");
        e.HasKey(x => x.Id);
        e.Property(x => x.OrganisationId).HasMaxLength(100);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Role).HasMaxLength(20);
        e.Property(x => x.Prefix).HasMaxLength(20);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Ignore(x => x.SubjectId);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId);
        e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId);
        e.HasIndex(x => x.Hash).IsUnique();
        e.HasIndex(x => new { x.OrganisationId, x.CreatedAt });
    }
}
