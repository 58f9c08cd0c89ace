using LlmLab.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LlmLab.Identity.Data;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.ToTable("organisations");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(100);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Tier).HasMaxLength(20);
    }
}
