using LlmLab.Evaluation.Data;
using LlmLab.Evaluation.Datasets;
using LlmLab.Evaluation.Domain;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Evaluation.Apis;

/// <summary>API.md "Datasets": upload, versions, items, delete; shipped datasets are listed for every tenant and read-only.</summary>
public static class DatasetsApi
{
    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/datasets").RequireTenant();
        api.MapPost("/", CreateAsync).WithBodyCap(DatasetUpload.MaxBytes).DisableAntiforgery();
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapGet("/{id:guid}/items", ItemsAsync);
        api.MapPost("/{id:guid}/versions", AddVersionAsync).WithBodyCap(DatasetUpload.MaxBytes).DisableAntiforgery();
        api.MapDelete("/{id:guid}", DeleteAsync);
        return app;
    }

    /// <summary>The datasets a tenant sees: its own and the shipped ones.</summary>
    public static IQueryable<Dataset> Visible(this EvaluationDbContext db, string tenantId) =>
        db.Datasets.Where(d => d.TenantId == tenantId || d.Builtin);

    public static async Task<Results<Created<DatasetView>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, HttpContext http, EvaluationDbContext db, TimeProvider time, IConfiguration configuration, CancellationToken ct)
    {
        var (upload, problem) = await DatasetUpload.ReadAsync(request, ct);
        if (problem is not null) return problem;
        if (Invalid(upload!, configuration, requireName: true) is { } invalid) return invalid;
        var now = time.GetUtcNow();
        var dataset = new Dataset { Id = Guid.CreateVersion7(), TenantId = http.TenantId()!, Name = upload!.Name!.Trim(), Description = upload.Description, CreatedAt = now };
        db.Datasets.Add(dataset);
        dataset.Versions.Add(DatasetWriter.AddVersion(db, dataset, upload.Items.Items, upload.Source, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/datasets/{dataset.Id}", DatasetView.Of(dataset));
    }

    public static async Task<Results<Created<DatasetView>, ProblemHttpResult>> AddVersionAsync(
        Guid id, HttpRequest request, HttpContext http, EvaluationDbContext db, TimeProvider time, IConfiguration configuration, CancellationToken ct)
    {
        var dataset = await db.Visible(http.TenantId()!).Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (dataset is null) return Problems.NotFound("Dataset", id);
        if (dataset.Builtin) return Problems.Conflict($"Dataset {id} is shipped with the platform and read-only; upload a copy to change it.");
        var (upload, problem) = await DatasetUpload.ReadAsync(request, ct);
        if (problem is not null) return problem;
        if (Invalid(upload!, configuration, requireName: false) is { } invalid) return invalid;
        if (upload!.Description is { } description) dataset.Description = description;
        dataset.Versions.Add(DatasetWriter.AddVersion(db, dataset, upload.Items.Items, upload.Source, time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/datasets/{dataset.Id}", DatasetView.Of(dataset));
    }

    private static ProblemHttpResult? Invalid(DatasetUpload upload, IConfiguration configuration, bool requireName)
    {
        var errors = new Dictionary<string, string[]>(upload.Items.Errors);
        if (requireName && string.IsNullOrWhiteSpace(upload.Name)) errors.TryAdd("name", ["is required."]);
        TextRules.Check(errors, "name", upload.Name, TextRules.MaxName);
        TextRules.Check(errors, "description", upload.Description, TextRules.MaxDescription);
        var max = configuration.GetValue("Evaluation:MaxDatasetItems", 50_000);
        if (upload.Items.Items.Count > max) errors.TryAdd("items", [$"must hold at most {max} items (got {upload.Items.Items.Count})."]);
        return errors.Count > 0 ? Problems.Invalid(errors) : null;
    }

    public static async Task<Results<Ok<PagedList<DatasetView>>, ProblemHttpResult>> ListAsync(
        HttpContext http, EvaluationDbContext db, CancellationToken ct, int page = 1, int page_size = 50)
    {
        if (Paging.Invalid(page, page_size) is { } bad) return bad;
        var query = db.Visible(http.TenantId()!);
        var total = await query.CountAsync(ct);
        var rows = await query.Include(d => d.Versions).OrderByDescending(d => d.Builtin).ThenBy(d => d.Name).ThenBy(d => d.Id)
            .Skip((page - 1) * page_size).Take(page_size).AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(new PagedList<DatasetView>(rows.Select(DatasetView.Of).ToList(), total, page, page_size));
    }

    public static async Task<Results<Ok<DatasetView>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, EvaluationDbContext db, CancellationToken ct)
    {
        var dataset = await db.Visible(http.TenantId()!).Include(d => d.Versions).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        return dataset is null ? Problems.NotFound("Dataset", id) : TypedResults.Ok(DatasetView.Of(dataset));
    }

    public static async Task<Results<Ok<PagedList<DatasetItemView>>, ProblemHttpResult>> ItemsAsync(
        Guid id, HttpContext http, EvaluationDbContext db, CancellationToken ct, int? version = null, int page = 1, int page_size = 50)
    {
        if (Paging.Invalid(page, page_size) is { } bad) return bad;
        var dataset = await db.Visible(http.TenantId()!).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (dataset is null) return Problems.NotFound("Dataset", id);
        var wanted = version ?? dataset.LatestVersion;
        if (wanted < 1 || wanted > dataset.LatestVersion)
            return Problems.Invalid("version", $"must be between 1 and {dataset.LatestVersion}.", StatusCodes.Status400BadRequest);
        var items = db.DatasetItems.AsNoTracking().Where(i => i.DatasetId == id && i.Version == wanted);
        var total = await items.CountAsync(ct);
        var rows = await items.OrderBy(i => i.Position).Skip((page - 1) * page_size).Take(page_size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<DatasetItemView>(rows.Select(i => new DatasetItemView(i.Key, i.Question, i.Answers, i.Context,
            i.SupportingFacts.Count == 0 ? null : i.SupportingFacts, i.Metadata)).ToList(), total, page, page_size));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, EvaluationDbContext db, CancellationToken ct)
    {
        var dataset = await db.Visible(http.TenantId()!).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (dataset is null) return Problems.NotFound("Dataset", id);
        if (dataset.Builtin) return Problems.Conflict($"Dataset {id} is shipped with the platform and cannot be deleted.");
        var users = await db.Evaluations.Where(e => e.DatasetId == id).Select(e => e.Id).Take(5).ToListAsync(ct);
        if (users.Count > 0)
            return Problems.Conflict($"Dataset {id} is used by evaluation(s) {string.Join(", ", users)}; delete them first.");
        db.Datasets.Remove(dataset);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // An evaluation started on it in the meantime (the foreign key refuses the delete).
            return Problems.Conflict($"Dataset {id} is used by an evaluation; delete it first.");
        }
        return TypedResults.NoContent();
    }
}
