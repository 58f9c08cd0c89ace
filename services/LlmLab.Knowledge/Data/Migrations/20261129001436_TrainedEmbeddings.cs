using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Knowledge.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrainedEmbeddings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trained_embeddings",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    generation = table.Column<Guid>(type: "uuid", nullable: false),
                    fitted_on_count = table.Column<long>(type: "bigint", nullable: false),
                    terms = table.Column<int>(type: "integer", nullable: false),
                    fitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    model = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trained_embeddings", x => x.tenant_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trained_embeddings");
        }
    }
}
