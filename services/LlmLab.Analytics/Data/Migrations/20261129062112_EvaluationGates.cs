using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Analytics.Data.Migrations
{
    /// <inheritdoc />
    public partial class EvaluationGates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "evaluation_gate_definitions",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    evaluation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    checks = table.Column<string>(type: "jsonb", nullable: false),
                    baseline_evaluation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    no_significant_regression = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluation_gate_definitions", x => new { x.tenant_id, x.evaluation_id });
                });

            migrationBuilder.CreateTable(
                name: "finished_evaluations",
                columns: table => new
                {
                    evaluation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    dataset_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    completed = table.Column<int>(type: "integer", nullable: false),
                    failed = table.Column<int>(type: "integer", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_finished_evaluations", x => x.evaluation_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_finished_evaluations_pending",
                table: "finished_evaluations",
                column: "received_at",
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_finished_evaluations_tenant_id_dataset_id_finished_at",
                table: "finished_evaluations",
                columns: new[] { "tenant_id", "dataset_id", "finished_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evaluation_gate_definitions");

            migrationBuilder.DropTable(
                name: "finished_evaluations");
        }
    }
}
