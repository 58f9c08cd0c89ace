using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Analytics.Data.Migrations
{
    /// <inheritdoc />
    public partial class WeightProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "weight_profiles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    outcome = table.Column<string>(type: "jsonb", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: true),
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_weight_profiles", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_weight_profiles_tenant_id_name",
                table: "weight_profiles",
                columns: new[] { "tenant_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "weight_profiles");
        }
    }
}
