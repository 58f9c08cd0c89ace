using LlmLab.Analytics.Rollups;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Analytics.Data.Migrations
{
    /// <summary>
    /// The sample's partial covering indexes (<see cref="SampleIndexes"/>), so a large tenant's order statistics are read
    /// index-only. Indexes only: the EF model does not change. Generated from ScoreColumns when this migration runs; a
    /// later score column is simply not covered (its sample reads the heap) until a migration recreates them.
    /// </summary>
    [DbContext(typeof(AnalyticsDbContext))]
    [Migration("20261129131500_CoveringSampleIndexes")]
    public partial class CoveringSampleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SampleIndexes.Create());

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SampleIndexes.Drop());
    }
}
