using LlmLab.Knowledge.Data;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.UnitTests.Knowledge;

public class KnowledgeMigrationsTests
{
    [Fact]
    public void The_knowledge_model_matches_its_migrations_so_the_service_can_migrate_at_start()
    {
        using var db = new KnowledgeDbContext(new DbContextOptionsBuilder<KnowledgeDbContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
        Assert.False(db.Database.HasPendingModelChanges(), "the model differs from KnowledgeDbContextModelSnapshot: a migration is missing");
        Assert.Contains("20261129103226_IndexGenerations", db.Database.GetMigrations());
    }
}
