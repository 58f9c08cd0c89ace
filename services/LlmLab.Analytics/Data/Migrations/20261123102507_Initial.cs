using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Analytics.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "scored_responses",
                columns: table => new
                {
                    response_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    provider = table.Column<string>(type: "text", nullable: false),
                    model = table.Column<string>(type: "text", nullable: false),
                    temperature = table.Column<double>(type: "double precision", nullable: false),
                    top_p = table.Column<double>(type: "double precision", nullable: false),
                    max_tokens = table.Column<int>(type: "integer", nullable: false),
                    frequency_penalty = table.Column<double>(type: "double precision", nullable: false),
                    presence_penalty = table.Column<double>(type: "double precision", nullable: false),
                    prompt_tokens = table.Column<int>(type: "integer", nullable: false),
                    completion_tokens = table.Column<int>(type: "integer", nullable: false),
                    response_time_ms = table.Column<double>(type: "double precision", nullable: false),
                    cost_usd = table.Column<double>(type: "double precision", nullable: false),
                    overall_score = table.Column<double>(type: "double precision", nullable: true),
                    readability_score = table.Column<double>(type: "double precision", nullable: true),
                    length_appropriateness_score = table.Column<double>(type: "double precision", nullable: true),
                    metrics = table.Column<string>(type: "jsonb", nullable: false),
                    analysis_version = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scored_responses", x => x.response_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_scored_responses_message_id",
                table: "scored_responses",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scored_responses_tenant_id_created_at",
                table: "scored_responses",
                columns: new[] { "tenant_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_scored_responses_tenant_id_run_id",
                table: "scored_responses",
                columns: new[] { "tenant_id", "run_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scored_responses");
        }
    }
}
