using LlmLab.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Identity.Data;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> e)
    {
        e.ToTable("users");
        e.HasKey(x => x.Id);
        e.Property(x => x.OrganisationId).HasMaxLength(100);
        e.Property(x => x.Email).HasMaxLength(254);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Role).HasMaxLength(20);
        e.Ignore(x => x.SubjectId);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId);
        e.HasIndex(x => new { x.OrganisationId, x.Email }).IsUnique().HasFilter("deleted_at IS NULL");
    }
}
