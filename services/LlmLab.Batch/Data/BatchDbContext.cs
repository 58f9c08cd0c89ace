using LlmLab.Batch.Domain;
using LlmLab.Messaging;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Data;

public sealed class BatchDbContext : DbContext, IOutboxDbContext
{
    /// <summary>For tools (design time) and code outside a request: every run of the tenant is visible.</summary>
    public BatchDbContext(DbContextOptions<BatchDbContext> options) : base(options)
    {
    }

    public BatchDbContext(DbContextOptions<BatchDbContext> options, IHttpContextAccessor http) : base(options) =>
        OwnerOnly = RunOwnership.OwnerOnly(http.HttpContext?.Caller());

    public DbSet<BatchRun> Runs => Set<BatchRun>();
    public DbSet<WorkItem> WorkItems => Set<WorkItem>();
    public DbSet<StoredResponse> Responses => Set<StoredResponse>();
    public DbSet<ResponseMetrics> Metrics => Set<ResponseMetrics>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ParameterSearch> Searches => Set<ParameterSearch>();

    /// <summary>
    /// When the request being handled comes from role user: its subject, and every query of runs, work items and
    /// responses sees only the runs it owns (so every endpoint answers 404 for another user's ids). Null for every
    /// other caller and outside a request (workers, consumers).
    /// </summary>
    public string? OwnerOnly { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BatchDbContext).Assembly);
        modelBuilder.AddOutbox();
        modelBuilder.Entity<BatchRun>().HasQueryFilter(r => OwnerOnly == null || r.CreatedBy == OwnerOnly);
        modelBuilder.Entity<WorkItem>().HasQueryFilter(w => OwnerOnly == null || Runs.Any(r => r.Id == w.RunId && r.CreatedBy == OwnerOnly));
        modelBuilder.Entity<StoredResponse>().HasQueryFilter(x => OwnerOnly == null || Runs.Any(r => r.Id == x.RunId && r.CreatedBy == OwnerOnly));
    }
}
