using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Experiments.Data.Migrations
{
    /// <inheritdoc />
    public partial class CreatedBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "created_by",
                table: "experiments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_experiments_tenant_id_created_by",
                table: "experiments",
                columns: new[] { "tenant_id", "created_by" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_experiments_tenant_id_created_by",
                table: "experiments");

            migrationBuilder.DropColumn(
                name: "created_by",
                table: "experiments");
        }
    }
}
