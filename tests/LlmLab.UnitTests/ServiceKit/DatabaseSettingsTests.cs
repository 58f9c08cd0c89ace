using LlmLab.Batch.Data;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LlmLab.UnitTests.ServiceKit;

public class DatabaseSettingsTests
{
    private const string Server = "Host=127.0.0.1;Port=5432;Database=batchdb;Username=u;Password=p";

    private static string ConnectionStringWith(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddPostgresDbContext<BatchDbContext>("batchdb");
        using var services = builder.Services.BuildServiceProvider();
        return RelationalOptionsExtension.Extract(services.GetRequiredService<DbContextOptions<BatchDbContext>>()).ConnectionString!;
    }

    [Fact]
    public void Database_MaxAutoPrepare_reaches_the_connection_string_and_is_off_when_unset()
    {
        Assert.Contains("Max Auto Prepare=32", ConnectionStringWith(("ConnectionStrings:batchdb", Server), ("Database:MaxAutoPrepare", "32")));
        Assert.Equal(0, new Npgsql.NpgsqlConnectionStringBuilder(ConnectionStringWith(("ConnectionStrings:batchdb", Server))).MaxAutoPrepare);
    }

    [Fact]
    public void A_connection_string_that_says_Max_Auto_Prepare_wins_over_the_setting()
    {
        var connection = ConnectionStringWith(("ConnectionStrings:batchdb", Server + ";Max Auto Prepare=5"), ("Database:MaxAutoPrepare", "32"));
        Assert.Contains("Max Auto Prepare=5", connection);
    }

    [Fact]
    public void A_negative_Database_MaxAutoPrepare_is_refused_naming_the_setting()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => ConnectionStringWith(("ConnectionStrings:batchdb", Server), ("Database:MaxAutoPrepare", "-1")));
        Assert.Contains("Database:MaxAutoPrepare", refused.Message);
    }
}
