using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Analytics.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScoreColumnsAndItemKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_scored_responses_tenant_id_run_id",
                table: "scored_responses");

            migrationBuilder.AddColumn<double>(
                name: "coherence_score",
                table: "scored_responses",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "completeness_score",
                table: "scored_responses",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "creativity_score",
                table: "scored_responses",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "item_key",
                table: "scored_responses",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "relevance_score",
                table: "scored_responses",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "specificity_score",
                table: "scored_responses",
                type: "double precision",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_scored_responses_tenant_id_experiment_id",
                table: "scored_responses",
                columns: new[] { "tenant_id", "experiment_id" });

            migrationBuilder.CreateIndex(
                name: "ix_scored_responses_tenant_id_run_id_item_key",
                table: "scored_responses",
                columns: new[] { "tenant_id", "run_id", "item_key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_scored_responses_tenant_id_experiment_id",
                table: "scored_responses");

            migrationBuilder.DropIndex(
                name: "ix_scored_responses_tenant_id_run_id_item_key",
                table: "scored_responses");

            migrationBuilder.DropColumn(
                name: "coherence_score",
                table: "scored_responses");

            migrationBuilder.DropColumn(
                name: "completeness_score",
                table: "scored_responses");

            migrationBuilder.DropColumn(
                name: "creativity_score",
                table: "scored_responses");

            migrationBuilder.DropColumn(
                name: "item_key",
                table: "scored_responses");

            migrationBuilder.DropColumn(
                name: "relevance_score",
                table: "scored_responses");

            migrationBuilder.DropColumn(
                name: "specificity_score",
                table: "scored_responses");

            migrationBuilder.CreateIndex(
                name: "ix_scored_responses_tenant_id_run_id",
                table: "scored_responses",
                columns: new[] { "tenant_id", "run_id" });
        }
    }
}
