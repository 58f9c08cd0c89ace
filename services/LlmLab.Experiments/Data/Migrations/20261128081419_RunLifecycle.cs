using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Experiments.Data.Migrations
{
    /// <inheritdoc />
    public partial class RunLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "status_changed_at",
                table: "experiments",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "status_changed_at",
                table: "experiments");
        }
    }
}
