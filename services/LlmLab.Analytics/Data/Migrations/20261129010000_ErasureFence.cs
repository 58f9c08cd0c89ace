using LlmLab.Analytics.TenantData;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Analytics.Data.Migrations
{
    /// <summary>tenant_erasures and erased_runs (<see cref="ErasureFence"/>), written by SQL only: the EF model does not change.</summary>
    [DbContext(typeof(AnalyticsDbContext))]
    [Migration("20261129010000_ErasureFence")]
    public partial class ErasureFenceTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(ErasureFence.CreateSql);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(ErasureFence.DropSql);
    }
}
