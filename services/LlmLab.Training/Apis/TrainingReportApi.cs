using System.Text;
using LlmLab.ServiceKit;
using LlmLab.Training.Data;
using LlmLab.Training.Reports;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Training.Apis;

/// <summary>GET /api/training/jobs/{id}/report?format=json|html|pdf (json by default); a running job's report so far.</summary>
public static class TrainingReportApi
{
    public static async Task<IResult> GetAsync(Guid id, HttpContext http, JobQueries queries, TrainingDbContext db, CancellationToken ct, string? format = null)
    {
        var kind = (format ?? "json").ToLowerInvariant();
        if (kind is not ("json" or "html" or "pdf")) return Problems.Invalid("format", "must be json, html or pdf.", StatusCodes.Status400BadRequest);
        var job = await queries.FindAsync(id, http.TenantId()!, ct);
        if (job is null) return Problems.NotFound("Training job", id);
        var steps = await db.Steps.AsNoTracking().Where(s => s.JobId == id).OrderBy(s => s.Step).ToListAsync(ct);
        var report = TrainingReport.Of(job, steps, await queries.HoldoutAsync(id, ct));
        return kind switch
        {
            "html" => Results.Text(HtmlReport.Render(report), "text/html", Encoding.UTF8),
            "pdf" => Results.File(PdfReport.Render(report), "application/pdf", $"training-{job.Name}.pdf"),
            _ => TypedResults.Ok(report),
        };
    }
}
