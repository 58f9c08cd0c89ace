using LlmLab.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Training.Data;

public sealed class TrainingDbContext(DbContextOptions<TrainingDbContext> options) : DbContext(options)
{
    public DbSet<TrainingJob> Jobs => Set<TrainingJob>();
    public DbSet<TrainingStep> Steps => Set<TrainingStep>();
    public DbSet<HoldoutPoint> HoldoutPoints => Set<HoldoutPoint>();
    public DbSet<JobCheckpoint> Checkpoints => Set<JobCheckpoint>();
    public DbSet<TrainedModel> Models => Set<TrainedModel>();
    public DbSet<TestSubmission> TestSubmissions => Set<TestSubmission>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TrainingDbContext).Assembly);
}
