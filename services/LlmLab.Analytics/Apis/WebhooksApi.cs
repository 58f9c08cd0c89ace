using LlmLab.Analytics.Data;
using LlmLab.Analytics.Webhooks;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.Outbound;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.Apis;

/// <summary>
/// POST /api/webhooks {url, events[], secret}, GET /api/webhooks, DELETE /api/webhooks/{id},
/// GET /api/webhooks/{id}/deliveries (the delivery log: every attempt with its status code or error).
/// </summary>
public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/webhooks").RequireTenant();
        api.MapPost("", CreateAsync);
        api.MapGet("", ListAsync);
        api.MapDelete("/{id:guid}", DeleteAsync);
        api.MapGet("/{id:guid}/deliveries", DeliveriesAsync);
        return app;
    }

    public static async Task<Results<Created<WebhookView>, ProblemHttpResult>> CreateAsync(WebhookRequest body, HttpContext http, AnalyticsDbContext db,
        OutboundUrlCheck urls, WebhookSecrets secrets, TimeProvider time, CancellationToken ct)
    {
        var errors = body.Validate();
        if (!errors.ContainsKey("url") && await urls.ProblemAsync(body.Url!, ct) is { } urlProblem) errors["url"] = [urlProblem];
        if (errors.Count > 0) return Problems.Invalid(errors);
        if (!secrets.CanSeal)
            return Problems.Invalid("secret", "cannot be stored: Security:KeyEncryptionKey is not configured on the analytics service.");

        var id = Guid.CreateVersion7(time.GetUtcNow());
        var webhook = new Webhook
        {
            Id = id,
            TenantId = http.TenantId()!,
            Url = body.Url!,
            Events = body.Events!.Distinct(StringComparer.Ordinal).ToList(),
            SealedSecret = secrets.Seal(id, body.Secret!),
            CreatedAt = time.GetUtcNow(),
        };
        db.Webhooks.Add(webhook);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/webhooks/{id}", WebhookView.Of(webhook));
    }

    public static async Task<Results<Ok<PagedList<WebhookView>>, ProblemHttpResult>> ListAsync(HttpContext http, AnalyticsDbContext db, CancellationToken ct,
        int page = 1, int page_size = 50)
    {
        if (Paging.Invalid(page, page_size) is { } paging) return paging;
        var tenant = http.TenantId()!;
        var query = db.Webhooks.AsNoTracking().Where(w => w.TenantId == tenant);
        var items = await query.OrderBy(w => w.CreatedAt).Skip((page - 1) * page_size).Take(page_size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<WebhookView>(items.Select(WebhookView.Of).ToList(), await query.CountAsync(ct), page, page_size));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, AnalyticsDbContext db, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        var deleted = await db.InTransactionAsync(async t =>
        {
            await db.WebhookDeliveries.Where(d => d.WebhookId == id && d.TenantId == tenant).ExecuteDeleteAsync(t);
            return await db.Webhooks.Where(w => w.Id == id && w.TenantId == tenant).ExecuteDeleteAsync(t);
        }, ct);
        return deleted == 0 ? Problems.NotFound("Webhook", id) : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<PagedList<DeliveryView>>, ProblemHttpResult>> DeliveriesAsync(Guid id, HttpContext http, AnalyticsDbContext db,
        CancellationToken ct, string? status = null, int page = 1, int page_size = 50)
    {
        if (Paging.Invalid(page, page_size) is { } paging) return paging;
        if (status is not (null or DeliveryStatuses.Pending or DeliveryStatuses.Delivered or DeliveryStatuses.Failed))
            return Problems.Invalid("status", "must be pending, delivered or failed.", StatusCodes.Status400BadRequest);
        var tenant = http.TenantId()!;
        if (!await db.Webhooks.AnyAsync(w => w.Id == id && w.TenantId == tenant, ct)) return Problems.Invalid("id", $"no webhook with id {id}.", StatusCodes.Status404NotFound);
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookId == id && d.TenantId == tenant);
        if (status is not null) query = query.Where(d => d.Status == status);
        var items = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Skip((page - 1) * page_size).Take(page_size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<DeliveryView>(items.Select(DeliveryView.Of).ToList(), await query.CountAsync(ct), page, page_size));
    }
}
