using LlmLab.Analytics.Rollups;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Analytics.Data.Migrations
{
    /// <summary>
    /// What the summary needs in the rollups: exact match and F1 counts and sums in score_rollups, and the per-day run set
    /// score_rollup_runs (<see cref="RollupRuns"/>). Recreates both and their triggers from the rows held
    /// (<see cref="RollupSchema.Recreate"/>), so it is exact for existing data and can run again. SQL only: the EF model
    /// does not change. Down leaves the wider rollup: the earlier code reads only the columns it knows.
    /// </summary>
    [DbContext(typeof(AnalyticsDbContext))]
    [Migration("20261129170000_SummaryRollups")]
    public partial class SummaryRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(RollupSchema.Recreate());

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
