using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Batch.Data.Migrations
{
    /// <inheritdoc />
    public partial class JudgeAndMetricTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "details",
                table: "response_metrics",
                type: "jsonb",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "errors",
                table: "response_metrics",
                type: "jsonb",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "judge_model",
                table: "batch_runs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "judge_provider",
                table: "batch_runs",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "details",
                table: "response_metrics");

            migrationBuilder.DropColumn(
                name: "errors",
                table: "response_metrics");

            migrationBuilder.DropColumn(
                name: "judge_model",
                table: "batch_runs");

            migrationBuilder.DropColumn(
                name: "judge_provider",
                table: "batch_runs");
        }
    }
}
