using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Analytics.Data.Migrations
{
    /// <inheritdoc />
    public partial class AnnotationQueues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "annotation_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    queue_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    response_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    reviewer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    prompt = table.Column<string>(type: "text", nullable: false),
                    response_text = table.Column<string>(type: "text", nullable: false),
                    reference_answer = table.Column<string>(type: "text", nullable: true),
                    skipped_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annotation_assignments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "annotation_queues",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    run_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sample_size = table.Column<int>(type: "integer", nullable: true),
                    seed = table.Column<int>(type: "integer", nullable: false),
                    reviewers_per_response = table.Column<int>(type: "integer", nullable: false),
                    reviewers = table.Column<List<string>>(type: "text[]", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annotation_queues", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_annotation_assignments_queue_id_reviewer_position",
                table: "annotation_assignments",
                columns: new[] { "queue_id", "reviewer", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_annotation_assignments_tenant_id_response_id_reviewer",
                table: "annotation_assignments",
                columns: new[] { "tenant_id", "response_id", "reviewer" });

            migrationBuilder.CreateIndex(
                name: "ix_annotation_queues_tenant_id_created_at",
                table: "annotation_queues",
                columns: new[] { "tenant_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "annotation_assignments");

            migrationBuilder.DropTable(
                name: "annotation_queues");
        }
    }
}
