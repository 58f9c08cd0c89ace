using LlmLab.ServiceKit;
using LlmLab.Training.Data;
using LlmLab.Training.Domain;
using LlmLab.Training.Sources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Training.Apis;

/// <summary>/api/training/jobs: create (202, trained by a worker), list, one, cancel. Progress and report live beside.</summary>
public static class TrainingJobsApi
{
    public static IEndpointRouteBuilder MapTrainingJobsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/training/jobs").RequireTenant();
        api.MapPost("", CreateAsync);
        api.MapGet("", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapPost("/{id:guid}/cancel", CancelAsync);
        api.MapGet("/{id:guid}/progress", TrainingProgressStream.StreamAsync);
        api.MapGet("/{id:guid}/report", TrainingReportApi.GetAsync);
        return app;
    }

    public static async Task<Results<Accepted<JobView>, ProblemHttpResult>> CreateAsync(NewTrainingJob body, HttpContext http,
        TrainingDbContext db, KnowledgeDocuments documents, DatasetItems datasets, JobQueries queries, TimeProvider time, CancellationToken ct)
    {
        var errors = NewTrainingJobValidator.Validate(body);
        if (errors.Count > 0) return Problems.Invalid(errors);
        var caller = http.Caller()!;
        var settings = NewTrainingJobValidator.Settings(body);
        if (await db.Jobs.AnyAsync(j => j.TenantId == caller.TenantId && j.Name == body.Name, ct))
            return Problems.Invalid("name", $"'{body.Name}' is already the name of one of your training jobs.", StatusCodes.Status409Conflict);

        string? baseModel = null;
        if (body.BaseModel is { } requested)
        {
            baseModel = requested.StartsWith("local/", StringComparison.Ordinal) ? requested["local/".Length..] : requested;
            var found = await db.Models.AsNoTracking().Where(m => m.TenantId == caller.TenantId && m.Name == baseModel)
                .Select(m => new { m.EmbeddingSize, m.HiddenSize, m.Layers }).SingleOrDefaultAsync(ct);
            if (found is null) return Problems.Invalid("base_model", $"'{requested}' is not a trained model of yours.");
            // Fine-tuning continues the base network, so its shape wins over the sizes given.
            settings = settings with { EmbeddingSize = found.EmbeddingSize, HiddenSize = found.HiddenSize, Layers = found.Layers };
        }

        var (source, text) = body switch
        {
            { Texts: { } texts } => ("texts", SourceText.Of(string.Join("\n\n", texts))),
            { DocumentIds: { } ids } => ("documents", await documents.ReadAsync(ids, caller, ct)),
            _ => ("dataset", await datasets.ReadAsync(body.DatasetId!, caller, TrainingLimits.MaxCorpusCharacters, ct)),
        };
        var field = source switch { "texts" => "texts", "documents" => "document_ids", _ => "dataset_id" };
        if (text.Text is null) return Problems.Invalid(text.Field!, text.Problem!, text.Status);
        if (text.Text.Length > TrainingLimits.MaxCorpusCharacters)
            return Problems.Invalid(field, $"the text holds {text.Text.Length} characters; at most {TrainingLimits.MaxCorpusCharacters}.");
        var minimum = Modeling.CorpusPlan.MinimumLength(settings.ContextLength, settings.HoldoutFraction);
        if (text.Text.Length < minimum)
            return Problems.Invalid(field, $"the text holds {text.Text.Length} characters; context_length {settings.ContextLength} with holdout_fraction {settings.HoldoutFraction} needs at least {minimum}.");
        var plan = new Modeling.CorpusPlan(new long[text.Text.Length], settings.ContextLength, settings.BatchSize, settings.Epochs, settings.HoldoutFraction, settings.Seed);
        if (plan.TotalSteps > TrainingLimits.MaxTotalSteps)
            return Problems.Invalid("epochs", $"{plan.TotalSteps} steps ({plan.StepsPerEpoch} per epoch); at most {TrainingLimits.MaxTotalSteps}. Use fewer epochs or a larger batch_size.");

        var job = new TrainingJob
        {
            Id = Guid.NewGuid(),
            TenantId = caller.TenantId,
            Name = body.Name!,
            Status = JobStatus.Queued,
            Source = source,
            BaseModel = baseModel,
            Corpus = text.Text,
            TotalSteps = plan.TotalSteps,
            CreatedAt = time.GetUtcNow(),
        };
        job.Apply(settings);
        db.Jobs.Add(job);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            return Problems.Invalid("name", $"'{body.Name}' is already the name of one of your training jobs.", StatusCodes.Status409Conflict);
        }
        var view = await queries.ViewAsync(job, ct);
        return TypedResults.Accepted(view.StatusUrl, view);
    }

    public static async Task<Results<Ok<PagedList<JobView>>, ProblemHttpResult>> ListAsync(HttpContext http, TrainingDbContext db, JobQueries queries,
        CancellationToken ct, int page = 1, int page_size = 50)
    {
        if (Paging.Invalid(page, page_size) is { } invalid) return invalid;
        var tenant = http.TenantId()!;
        var all = db.Jobs.AsNoTracking().Where(j => j.TenantId == tenant);
        var jobs = await all.OrderByDescending(j => j.CreatedAt).Skip((page - 1) * page_size).Take(page_size).ToListAsync(ct);
        var views = new List<JobView>();
        foreach (var job in jobs) views.Add(await queries.ViewAsync(job, ct));
        return TypedResults.Ok(new PagedList<JobView>(views, await all.CountAsync(ct), page, page_size));
    }

    public static async Task<Results<Ok<JobView>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, JobQueries queries, CancellationToken ct) =>
        await queries.FindAsync(id, http.TenantId()!, ct) is { } job ? TypedResults.Ok(await queries.ViewAsync(job, ct)) : Problems.NotFound("Training job", id);

    /// <summary>A queued job is cancelled at once; a running one at its worker's next lease renewal (within seconds).</summary>
    public static async Task<Results<Accepted<JobView>, ProblemHttpResult>> CancelAsync(Guid id, HttpContext http, TrainingDbContext db,
        JobQueries queries, TimeProvider time, CancellationToken ct)
    {
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == id && j.TenantId == http.TenantId(), ct);
        if (job is null) return Problems.NotFound("Training job", id);
        if (job.Status.IsFinal()) return Problems.Conflict($"The job is already {job.Status.Name()}.");
        job.CancelRequested = true;
        if (job.Status == JobStatus.Queued) job.MoveTo(JobStatus.Cancelled, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var view = await queries.ViewAsync(job, ct);
        return TypedResults.Accepted(view.StatusUrl, view);
    }
}
