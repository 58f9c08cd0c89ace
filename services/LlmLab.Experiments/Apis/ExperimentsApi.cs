using LlmLab.Experiments.Clients;
using LlmLab.Experiments.Data;
using LlmLab.Experiments.Domain;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LlmLab.Experiments.Apis;

public static class ExperimentsApi
{
    public static IEndpointRouteBuilder MapExperimentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/experiments").RequireTenant();
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapPost("/", CreateAsync);
        api.MapPut("/{id:guid}", UpdateAsync);
        api.MapDelete("/{id:guid}", DeleteAsync);
        return app;
    }

    public static async Task<Results<Ok<PagedList<ExperimentDto>>, ProblemHttpResult>> ListAsync(
        HttpContext http, ExperimentsDbContext db, CancellationToken ct,
        string? status = null, string? tag = null, string? q = null, bool? archived = null, bool? favorited = null,
        int page = 1, int page_size = 50)
    {
        if (Paging.Invalid(page, page_size) is { } badPage) return badPage;
        var query = db.Experiments.AsNoTracking().VisibleTo(http.Caller()!);
        if (status is not null)
        {
            if (!EnumNames.TryParse<ExperimentStatus>(status, out var parsed))
                return Problems.Invalid("status", EnumNames.Expected<ExperimentStatus>(), StatusCodes.Status400BadRequest);
            query = query.Where(e => e.Status == parsed);
        }
        if (tag is not null) query = query.Where(e => e.Tags.Contains(tag));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = $"%{q.Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            query = query.Where(e => EF.Functions.ILike(e.Name, pattern) || EF.Functions.ILike(e.Prompt, pattern));
        }
        query = query.Where(e => e.IsArchived == (archived ?? false));
        if (favorited is not null) query = query.Where(e => e.IsFavorited == favorited);

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.CreatedAt).Skip((page - 1) * page_size).Take(page_size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<ExperimentDto>(items.Select(e => e.ToDto()).ToList(), total, page, page_size));
    }

    public static async Task<Results<Ok<ExperimentDto>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, ExperimentsDbContext db, CancellationToken ct)
    {
        var experiment = await db.Experiments.AsNoTracking().VisibleTo(http.Caller()!).FirstOrDefaultAsync(e => e.Id == id, ct);
        return experiment is null ? Problems.NotFound("Experiment", id) : TypedResults.Ok(experiment.ToDto());
    }

    public static async Task<Results<Created<ExperimentDto>, ProblemHttpResult>> CreateAsync(
        ExperimentInput input, HttpContext http, ExperimentsDbContext db, ModelCatalog catalog, IOptions<ExperimentLimits> limits, TimeProvider time,
        CancellationToken ct)
    {
        var experiment = ExperimentMapping.NewExperiment(http.Caller()!, time.GetUtcNow());
        experiment.Apply(input);
        var errors = ExperimentValidator.Validate(experiment, limits.Value);
        if (errors.Count > 0) return Problems.Invalid(errors);
        if (await catalog.FindUnknownAsync(experiment.TenantId, experiment.Provider, experiment.Model, ct) is { } unknown)
            return Problems.Invalid(unknown.Field, unknown.Message);

        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/experiments/{experiment.Id}", experiment.ToDto());
    }

    public static async Task<Results<Ok<ExperimentDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, ExperimentInput input, HttpContext http, ExperimentsDbContext db, ModelCatalog catalog, IOptions<ExperimentLimits> limits, TimeProvider time,
        CancellationToken ct)
    {
        var experiment = await db.Experiments.VisibleTo(http.Caller()!).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (experiment is null) return Problems.NotFound("Experiment", id);
        var (provider, model) = (experiment.Provider, experiment.Model);
        experiment.Apply(input);
        var errors = ExperimentValidator.Validate(experiment, limits.Value);
        if (errors.Count > 0) return Problems.Invalid(errors);
        if ((experiment.Provider, experiment.Model) != (provider, model)
            && await catalog.FindUnknownAsync(experiment.TenantId, experiment.Provider, experiment.Model, ct) is { } unknown)
            return Problems.Invalid(unknown.Field, unknown.Message);

        experiment.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(experiment.ToDto());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, ExperimentsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var deleted = await db.Experiments
            .VisibleTo(http.Caller()!).Where(e => e.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.DeletedAt, time.GetUtcNow()), ct);
        return deleted == 0 ? Problems.NotFound("Experiment", id) : TypedResults.NoContent();
    }
}
