using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Analytics.Data.Migrations
{
    /// <inheritdoc />
    public partial class ItemIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "item_identity",
                table: "scored_responses",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_scored_responses_tenant_id_run_id_item_identity",
                table: "scored_responses",
                columns: new[] { "tenant_id", "run_id", "item_identity" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_scored_responses_tenant_id_run_id_item_identity",
                table: "scored_responses");

            migrationBuilder.DropColumn(
                name: "item_identity",
                table: "scored_responses");
        }
    }
}
