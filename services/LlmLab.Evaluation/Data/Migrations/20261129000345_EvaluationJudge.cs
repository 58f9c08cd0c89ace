using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Evaluation.Data.Migrations
{
    /// <inheritdoc />
    public partial class EvaluationJudge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "judge",
                table: "evaluations",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "judge",
                table: "evaluations");
        }
    }
}
