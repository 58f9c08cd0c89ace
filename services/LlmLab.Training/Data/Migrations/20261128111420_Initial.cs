using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LlmLab.Training.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "holdout_points",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    epoch = table.Column<int>(type: "integer", nullable: false),
                    step = table.Column<int>(type: "integer", nullable: false),
                    loss = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_holdout_points", x => new { x.job_id, x.epoch });
                });

            migrationBuilder.CreateTable(
                name: "job_checkpoints",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step = table.Column<int>(type: "integer", nullable: false),
                    weights = table.Column<byte[]>(type: "bytea", nullable: false),
                    optimizer = table.Column<byte[]>(type: "bytea", nullable: false),
                    training_seconds = table.Column<double>(type: "double precision", nullable: false),
                    saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_checkpoints", x => x.job_id);
                });

            migrationBuilder.CreateTable(
                name: "test_submissions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    collection = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    prompt = table.Column<string>(type: "text", nullable: false),
                    expected_score = table.Column<double>(type: "double precision", nullable: false),
                    metrics = table.Column<string>(type: "jsonb", nullable: false),
                    analysis_version = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_test_submissions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "trained_models",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    architecture = table.Column<string>(type: "text", nullable: false),
                    vocabulary = table.Column<string>(type: "text", nullable: false),
                    embedding_size = table.Column<int>(type: "integer", nullable: false),
                    hidden_size = table.Column<int>(type: "integer", nullable: false),
                    layers = table.Column<int>(type: "integer", nullable: false),
                    context_length = table.Column<int>(type: "integer", nullable: false),
                    weights = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trained_models", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "training_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    base_model = table.Column<string>(type: "text", nullable: true),
                    corpus = table.Column<string>(type: "text", nullable: false),
                    epochs = table.Column<int>(type: "integer", nullable: false),
                    batch_size = table.Column<int>(type: "integer", nullable: false),
                    learning_rate = table.Column<double>(type: "double precision", nullable: false),
                    context_length = table.Column<int>(type: "integer", nullable: false),
                    embedding_size = table.Column<int>(type: "integer", nullable: false),
                    hidden_size = table.Column<int>(type: "integer", nullable: false),
                    layers = table.Column<int>(type: "integer", nullable: false),
                    holdout_fraction = table.Column<double>(type: "double precision", nullable: false),
                    seed = table.Column<long>(type: "bigint", nullable: false),
                    checkpoint_every = table.Column<int>(type: "integer", nullable: false),
                    total_steps = table.Column<int>(type: "integer", nullable: false),
                    completed_steps = table.Column<int>(type: "integer", nullable: false),
                    resumes = table.Column<int>(type: "integer", nullable: false),
                    worker_id = table.Column<string>(type: "text", nullable: true),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancel_requested = table.Column<bool>(type: "boolean", nullable: false),
                    error = table.Column<string>(type: "text", nullable: true),
                    training_seconds = table.Column<double>(type: "double precision", nullable: false),
                    train_tokens = table.Column<int>(type: "integer", nullable: false),
                    holdout_tokens = table.Column<int>(type: "integer", nullable: false),
                    vocabulary_size = table.Column<int>(type: "integer", nullable: false),
                    parameter_count = table.Column<long>(type: "bigint", nullable: false),
                    samples = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "training_steps",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step = table.Column<int>(type: "integer", nullable: false),
                    epoch = table.Column<int>(type: "integer", nullable: false),
                    loss = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_steps", x => new { x.job_id, x.step });
                });

            migrationBuilder.CreateIndex(
                name: "ix_test_submissions_tenant_id_collection_created_at",
                table: "test_submissions",
                columns: new[] { "tenant_id", "collection", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_trained_models_tenant_id_name",
                table: "trained_models",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_jobs_status_created_at",
                table: "training_jobs",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_training_jobs_tenant_id_name",
                table: "training_jobs",
                columns: new[] { "tenant_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "holdout_points");

            migrationBuilder.DropTable(
                name: "job_checkpoints");

            migrationBuilder.DropTable(
                name: "test_submissions");

            migrationBuilder.DropTable(
                name: "trained_models");

            migrationBuilder.DropTable(
                name: "training_jobs");

            migrationBuilder.DropTable(
                name: "training_steps");
        }
    }
}
