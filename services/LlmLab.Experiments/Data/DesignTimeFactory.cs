using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LlmLab.Experiments.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ExperimentsDbContext>
{
    public ExperimentsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ExperimentsDbContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
}
