using Google.Protobuf.WellKnownTypes;
using LlmLab.Contracts.Identity;
using LlmLab.ServiceKit;

namespace LlmLab.Gateway.Audit;

/// <summary>
/// Records every successful mutating request and every export the gateway forwards: who, tenant, method, path, status,
/// time. Identity's own changes (/api/admin) are recorded by identity with their target, so they are skipped here.
/// The record is journalled when the answer's headers are about to be sent, so it is durable before the caller has the answer.
/// </summary>
public sealed class AuditMiddleware(RequestDelegate next, AuditJournal journal, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() => RecordAsync(context));
        await next(context);
    }

    private Task RecordAsync(HttpContext context)
    {
        if (context.Features.Get<CallerIdentity>() is not { } caller) return Task.CompletedTask;
        var request = context.Request;
        var export = request.Path.StartsWithSegments("/api/export") || request.Path.StartsWithSegments("/api/tenants/me/export");
        var mutating = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method);
        if ((!export && !mutating) || context.Response.StatusCode >= 400 || request.Path.StartsWithSegments("/api/admin")) return Task.CompletedTask;
        return journal.AppendAsync(new AuditRecord
        {
            TenantId = caller.TenantId,
            SubjectId = caller.SubjectId,
            Role = caller.Role,
            Method = request.Method,
            Path = request.Path.Value ?? "",
            Status = context.Response.StatusCode,
            At = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
            Action = export ? "export" : "request",
        });
    }
}
