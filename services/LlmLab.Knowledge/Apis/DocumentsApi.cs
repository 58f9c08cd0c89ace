using LlmLab.Knowledge.Data;
using LlmLab.Knowledge.Documents;
using LlmLab.Knowledge.Ingestion;
using LlmLab.Knowledge.Retrieval;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LlmLab.Knowledge.Apis;

/// <summary>/api/documents: upload (multipart), list, one with its chunks, delete (chunks and index entries too).</summary>
public static class DocumentsApi
{
    /// <summary>Multipart framing and the small fields around the file.</summary>
    private const long FormOverhead = 1024 * 1024;

    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var maxFile = app.ServiceProvider.GetRequiredService<IOptions<KnowledgeOptions>>().Value.MaxFileBytes;
        var api = app.MapGroup("/api/documents").RequireTenant();
        // The body cap is twice the file limit, so a file moderately over it is answered 413 naming `file`.
        api.MapPost("/", UploadAsync).DisableAntiforgery().WithBodyCap(maxFile * 2 + FormOverhead);
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapDelete("/{id:guid}", DeleteAsync);
        return app;
    }

    public static async Task<Results<Created<UploadedDto>, ProblemHttpResult>> UploadAsync(HttpRequest request, HttpContext http,
        DocumentIngestor ingestor, IOptions<KnowledgeOptions> options, CancellationToken ct)
    {
        var (upload, problem) = await UploadForm.ReadAsync(request, options.Value, ct);
        if (problem is not null) return problem;
        try
        {
            var document = await ingestor.IngestAsync(http.TenantId()!, upload!, ct);
            return TypedResults.Created($"/api/documents/{document.Id}", new UploadedDto(document.Id, document.Title, document.Collection,
                document.Version, document.ContentType, document.Pages, document.ChunkCount, document.EmbeddingModel));
        }
        catch (DocumentRejectedException rejected)
        {
            return Problems.Invalid("file", rejected.Message, rejected.Status);
        }
        catch (EmbeddingModelException refused)
        {
            return Problems.Invalid("embedding_model", refused.Message, refused.Status);
        }
    }

    public static async Task<Results<Ok<PagedList<DocumentDto>>, ProblemHttpResult>> ListAsync(HttpContext http, KnowledgeDbContext db,
        CancellationToken ct, string? collection = null, bool include_history = false, int page = 1, int page_size = 50)
    {
        if (Paging.Invalid(page, page_size) is { } badPage) return badPage;
        var tenant = http.TenantId()!;
        var query = db.Documents.AsNoTracking().Where(d => d.TenantId == tenant);
        if (!string.IsNullOrWhiteSpace(collection)) query = query.Where(d => d.Collection == collection);
        if (!include_history) query = query.Where(d => d.IsCurrent);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id).Skip((page - 1) * page_size).Take(page_size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<DocumentDto>(items.Select(DocumentDto.From).ToList(), total, page, page_size));
    }

    public static async Task<Results<Ok<DocumentDetailDto>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, KnowledgeDbContext db,
        CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        var document = await db.Documents.AsNoTracking().Include(d => d.Chunks).FirstOrDefaultAsync(d => d.Id == id && d.TenantId == tenant, ct);
        return document is null ? Problems.NotFound("Document", id) : TypedResults.Ok(DocumentDetailDto.From(document));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, DocumentDeleter deleter, CancellationToken ct) =>
        await deleter.DeleteAsync(http.TenantId()!, id, ct) ? TypedResults.NoContent() : Problems.NotFound("Document", id);
}
