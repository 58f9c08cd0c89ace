using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Batch.Data.Migrations
{
    /// <inheritdoc />
    public partial class CallFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "error",
                table: "work_items",
                newName: "error_message");

            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "work_items",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "error_kind",
                table: "work_items",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "provider_status",
                table: "work_items",
                type: "integer",
                nullable: true);

            // Items that failed before kinds were kept: their error came from the provider call.
            migrationBuilder.Sql("UPDATE work_items SET error_kind = 'provider_error', attempts = 1 WHERE status = 'Failed' AND error_kind IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "attempts",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "error_kind",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "provider_status",
                table: "work_items");

            migrationBuilder.RenameColumn(
                name: "error_message",
                table: "work_items",
                newName: "error");
        }
    }
}
