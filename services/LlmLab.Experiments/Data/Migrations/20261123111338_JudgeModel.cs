using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Experiments.Data.Migrations
{
    /// <inheritdoc />
    public partial class JudgeModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "judge_model",
                table: "experiments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "judge_provider",
                table: "experiments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "judge_model",
                table: "experiments");

            migrationBuilder.DropColumn(
                name: "judge_provider",
                table: "experiments");
        }
    }
}
