using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Knowledge.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndexGenerations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "index_generation_seq");

            migrationBuilder.CreateTable(
                name: "index_changes",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    generation = table.Column<long>(type: "bigint", nullable: false),
                    previous_generation = table.Column<long>(type: "bigint", nullable: false),
                    document_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_index_changes", x => new { x.tenant_id, x.generation });
                });

            migrationBuilder.CreateTable(
                name: "index_generations",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    generation = table.Column<long>(type: "bigint", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_index_generations", x => x.tenant_id);
                });

            // Tenants with documents from before generations get one, so each replica rebuilds their index once (its
            // commits record no generation) instead of taking "no generation" for an erased tenant and dropping it.
            migrationBuilder.Sql(
                "INSERT INTO index_generations (tenant_id, generation, changed_at) " +
                "SELECT t.tenant_id, nextval('index_generation_seq'), now() FROM (SELECT DISTINCT tenant_id FROM documents) AS t;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "index_changes");

            migrationBuilder.DropTable(
                name: "index_generations");

            migrationBuilder.DropSequence(
                name: "index_generation_seq");
        }
    }
}
