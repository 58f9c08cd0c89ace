using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Batch.Data.Migrations
{
    /// <inheritdoc />
    public partial class RunOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "created_by",
                table: "batch_runs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_batch_runs_tenant_id_created_by",
                table: "batch_runs",
                columns: new[] { "tenant_id", "created_by" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_batch_runs_tenant_id_created_by",
                table: "batch_runs");

            migrationBuilder.DropColumn(
                name: "created_by",
                table: "batch_runs");
        }
    }
}
