using LlmLab.Analytics.Rollups;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Analytics.Data.Migrations
{
    /// <summary>
    /// score_rollups, its triggers and the sample indexes (<see cref="RollupSchema"/>); the rows already held are rolled up
    /// here. The rollup is written by SQL only, so the EF model does not change. The DDL is generated from ScoreColumns at
    /// the time this migration runs: a new score column needs a new migration that recreates the rollup.
    /// </summary>
    [DbContext(typeof(AnalyticsDbContext))]
    [Migration("20261128140000_ScoreRollups")]
    public partial class ScoreRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(RollupSchema.Create());

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(RollupSchema.Drop());
    }
}
