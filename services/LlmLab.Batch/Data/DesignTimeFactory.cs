using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LlmLab.Batch.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<BatchDbContext>
{
    public BatchDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BatchDbContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
}
