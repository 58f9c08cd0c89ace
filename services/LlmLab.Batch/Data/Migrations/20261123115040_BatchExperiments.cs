using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Batch.Data.Migrations
{
    /// <inheritdoc />
    public partial class BatchExperiments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "model",
                table: "work_items",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "prompt",
                table: "work_items",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "description",
                table: "batch_runs",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<double>(
                name: "estimated_cost_usd",
                table: "batch_runs",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "estimated_duration_seconds",
                table: "batch_runs",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "parameter_ranges",
                table: "batch_runs",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "model",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "prompt",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "description",
                table: "batch_runs");

            migrationBuilder.DropColumn(
                name: "estimated_cost_usd",
                table: "batch_runs");

            migrationBuilder.DropColumn(
                name: "estimated_duration_seconds",
                table: "batch_runs");

            migrationBuilder.DropColumn(
                name: "parameter_ranges",
                table: "batch_runs");
        }
    }
}
