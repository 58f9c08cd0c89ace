using System.Security.Cryptography;
using System.Text;
using LlmLab.Evaluation.Data;
using LlmLab.Evaluation.Domain;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Evaluation.Datasets;

/// <summary>
/// Loads the shipped datasets (Builtin/*.json, written by tools/datasets/generate.py) at start. Each has a fixed id
/// derived from its name, so replicas and restarts agree; a file whose items changed becomes the dataset's next version.
/// </summary>
public sealed class BuiltinDatasets(IServiceScopeFactory scopes, IHostEnvironment environment, TimeProvider time, ILogger<BuiltinDatasets> logger)
    : IHostedService
{
    public static readonly string[] Names = ["general-knowledge", "arithmetic", "two-hop"];

    public static Guid IdOf(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes("llmlab-builtin-dataset:" + name)).AsSpan(0, 16));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvaluationDbContext>();
        foreach (var name in Names)
        {
            var path = Path.Combine(environment.ContentRootPath, "Builtin", $"{name}.json");
            if (!File.Exists(path)) path = Path.Combine(AppContext.BaseDirectory, "Builtin", $"{name}.json");
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            var parsed = DatasetParser.ParseJson(text);
            using var document = System.Text.Json.JsonDocument.Parse(text);
            var description = document.RootElement.GetProperty("description").GetString();
            if (parsed.Errors.Count > 0) throw new InvalidOperationException($"Shipped dataset {name} is invalid: {string.Join("; ", parsed.Errors.Keys)}");
            try
            {
                await LoadAsync(db, name, description, parsed.Items, cancellationToken);
            }
            catch (DbUpdateException ex)
            {
                // Another replica loaded it at the same moment.
                logger.LogInformation(ex, "Shipped dataset {Name} was loaded by another instance", name);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task LoadAsync(EvaluationDbContext db, string name, string? description, List<ItemDraft> items, CancellationToken ct)
    {
        var id = IdOf(name);
        var dataset = await db.Datasets.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (dataset is not null)
        {
            var stored = await db.DatasetItems.Where(i => i.DatasetId == id && i.Version == dataset.LatestVersion).OrderBy(i => i.Position)
                .Select(i => i.Key + "\n" + i.Question + "\n" + string.Join("|", i.Answers)).ToListAsync(ct);
            var shipped = items.Select(i => i.Id + "\n" + i.Question.Trim() + "\n" + string.Join("|", i.Answers)).ToList();
            if (stored.SequenceEqual(shipped)) return;
        }
        else
        {
            dataset = new Dataset
            {
                Id = id,
                TenantId = "",
                Name = name,
                Description = description,
                Builtin = true,
                CreatedAt = time.GetUtcNow(),
            };
            db.Datasets.Add(dataset);
        }
        DatasetWriter.AddVersion(db, dataset, items, "builtin", time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Shipped dataset {Name} loaded as version {Version} ({Count} items)", name, dataset.LatestVersion, items.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
