using LlmLab.Evaluation.Data;
using LlmLab.Evaluation.Domain;
using LlmLab.Evaluation.Queries;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Evaluation.Apis;

public sealed record LatencyBinView(double From, double To, IReadOnlyDictionary<string, long> Counts);

public sealed record EvaluationLatencyView(Guid EvaluationId, long Answered, IReadOnlyList<LatencyBinView> Bins,
    IReadOnlyList<EvaluationItemView> Fastest, IReadOnlyList<EvaluationItemView> Slowest);

/// <summary>
/// <c>GET /api/evaluations/{id}/latency</c>: the latency histogram per method and the fastest and slowest answered items,
/// over every work item (counted in PostgreSQL, so an evaluation of any size needs no item list in the browser).
/// </summary>
public static class EvaluationLatencyApi
{
    public const int MaxBins = 50;
    public const int MaxExtremes = 50;

    public static async Task<Results<Ok<EvaluationLatencyView>, ProblemHttpResult>> LatencyAsync(
        Guid id, HttpContext http, EvaluationDbContext db, CancellationToken ct, int bins = 12, int top = 5)
    {
        if (bins is < 1 or > MaxBins) return Problems.Invalid("bins", $"must be from 1 to {MaxBins}.", StatusCodes.Status400BadRequest);
        if (top is < 0 or > MaxExtremes) return Problems.Invalid("top", $"must be from 0 to {MaxExtremes}.", StatusCodes.Status400BadRequest);
        var evaluation = await db.FindEvaluationAsync(id, http.TenantId()!, ct);
        if (evaluation is null) return Problems.NotFound("Evaluation", id);

        var answered = db.EvaluationItems.AsNoTracking()
            .Where(w => w.EvaluationId == id && (w.Status == ItemStatus.Completed || w.Status == ItemStatus.Stuck));
        var range = await answered.GroupBy(_ => 1)
            .Select(g => new { N = g.LongCount(), Min = g.Min(w => w.LatencyMs), Max = g.Max(w => w.LatencyMs) })
            .FirstOrDefaultAsync(ct);
        var layout = range is null ? null : LatencyBins.For(range.Min, range.Max, range.N, bins);
        return TypedResults.Ok(new EvaluationLatencyView(id, range?.N ?? 0,
            layout is { } l ? await HistogramAsync(answered, evaluation, l, ct) : [],
            await ExtremesAsync(db, answered, fastest: true, top, ct),
            await ExtremesAsync(db, answered, fastest: false, top, ct)));
    }

    private static async Task<List<LatencyBinView>> HistogramAsync(IQueryable<EvaluationItem> answered, Domain.Evaluation evaluation,
        LatencyBins layout, CancellationToken ct)
    {
        var (start, width) = (layout.Start, layout.Width);
        var cells = await answered
            .GroupBy(w => new { w.MethodLabel, Bin = Math.Floor((w.LatencyMs - start) / width) })
            .Select(g => new { g.Key.MethodLabel, g.Key.Bin, N = g.LongCount() })
            .ToListAsync(ct);
        var methods = evaluation.Methods.Select(m => m.Label).ToList();
        var counts = Enumerable.Range(0, layout.Count).Select(_ => methods.ToDictionary(m => m, _ => 0L)).ToList();
        foreach (var cell in cells)
        {
            if (!counts[0].ContainsKey(cell.MethodLabel)) continue;
            // The maximum sits on the last bin's upper edge; the clamp puts it in that bin, as the half-open rule would not.
            counts[Math.Clamp((int)cell.Bin, 0, layout.Count - 1)][cell.MethodLabel] += cell.N;
        }
        return counts.Select((c, i) => new LatencyBinView(layout.From(i), layout.To(i), c)).ToList();
    }

    private static async Task<List<EvaluationItemView>> ExtremesAsync(EvaluationDbContext db, IQueryable<EvaluationItem> answered, bool fastest,
        int top, CancellationToken ct)
    {
        if (top == 0) return [];
        var ordered = fastest
            ? answered.OrderBy(w => w.LatencyMs).ThenBy(w => w.ItemKey).ThenBy(w => w.MethodLabel)
            : answered.OrderByDescending(w => w.LatencyMs).ThenByDescending(w => w.ItemKey).ThenByDescending(w => w.MethodLabel);
        var rows = await (from w in ordered.Take(top)
                          join d in db.DatasetItems.AsNoTracking() on w.DatasetItemId equals d.Id
                          select new { w, d.Question, d.Answers }).ToListAsync(ct);
        var view = rows.Select(r => EvaluationItemView.Of(r.w, r.Question, r.Answers));
        return (fastest ? view.OrderBy(v => v.LatencyMs).ThenBy(v => v.ItemId).ThenBy(v => v.Method)
            : view.OrderByDescending(v => v.LatencyMs).ThenByDescending(v => v.ItemId).ThenByDescending(v => v.Method)).ToList();
    }
}
