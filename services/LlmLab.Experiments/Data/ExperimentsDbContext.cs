using LlmLab.Experiments.Domain;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Experiments.Data;

public sealed class ExperimentsDbContext(DbContextOptions<ExperimentsDbContext> options) : DbContext(options)
{
    public DbSet<Experiment> Experiments => Set<Experiment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ExperimentsDbContext).Assembly);
}
