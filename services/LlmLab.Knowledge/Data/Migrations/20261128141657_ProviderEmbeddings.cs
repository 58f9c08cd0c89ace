using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Knowledge.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProviderEmbeddings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "embedding_model",
                table: "documents",
                type: "character varying(401)",
                maxLength: 401,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "chunk_embeddings",
                columns: table => new
                {
                    chunk_id = table.Column<Guid>(type: "uuid", nullable: false),
                    model = table.Column<string>(type: "character varying(401)", maxLength: 401, nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    collection = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    vector = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chunk_embeddings", x => new { x.chunk_id, x.model });
                    table.ForeignKey(
                        name: "fk_chunk_embeddings_chunks_chunk_id",
                        column: x => x.chunk_id,
                        principalTable: "chunks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_chunk_embeddings_tenant_id_model",
                table: "chunk_embeddings",
                columns: new[] { "tenant_id", "model" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chunk_embeddings");

            migrationBuilder.DropColumn(
                name: "embedding_model",
                table: "documents");
        }
    }
}
