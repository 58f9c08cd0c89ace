using LlmLab.Evaluation.Domain;
using LlmLab.Evaluation.Queries;

namespace LlmLab.Evaluation.Apis;

public sealed record MethodView(string Label, MethodKind Method, MethodOptions Options);

public sealed record EvaluationStatusView(Guid Id, EvaluationStatus Status, double Progress, int TotalItems, int CompletedItems, int FailedItems,
    long Sequence)
{
    public static EvaluationStatusView Of(Domain.Evaluation e) => new(e.Id, e.Status,
        e.TotalItems == 0 ? 100 : Math.Round(100.0 * (e.CompletedItems + e.FailedItems) / e.TotalItems, 2),
        e.TotalItems, e.CompletedItems, e.FailedItems, e.CompletedItems + e.FailedItems + (e.Status.IsFinal() ? 1 : 0));
}

public sealed record EvaluationView(Guid Id, string Name, Guid DatasetId, int DatasetVersion, int? SampleSize, int Seed, string Provider, string Model,
    GenerationSettings Parameters, JudgeSettings? Judge, IReadOnlyList<MethodView> Methods, EvaluationStatus Status, double Progress, int TotalItems, int CompletedItems,
    int FailedItems, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, IReadOnlyList<MethodSummary>? Summary)
{
    public static EvaluationView Of(Domain.Evaluation e, IReadOnlyList<MethodSummary>? summary) => new(e.Id, e.Name, e.DatasetId, e.DatasetVersion,
        e.SampleSize, e.Seed, e.Provider, e.Model, e.Parameters, e.Judge, e.Methods.Select(m => new MethodView(m.Label, m.Method, m.Options)).ToList(),
        e.Status, EvaluationStatusView.Of(e).Progress, e.TotalItems, e.CompletedItems, e.FailedItems, e.CreatedAt, e.FinishedAt, summary);
}

public sealed record EvaluationItemView(Guid Id, string ItemId, string Method, ItemStatus Status, string Question, IReadOnlyList<string> Expected,
    string? Answer, string? ExtractedAnswer, IReadOnlyDictionary<string, double> Scores, double LatencyMs, int PromptTokens, int CompletionTokens,
    double CostUsd, int Steps, IReadOnlyList<TraceStep> Trace, IReadOnlyList<RetrievedPassage> RetrievedChunks, string? Error)
{
    public static EvaluationItemView Of(EvaluationItem w, string question, IReadOnlyList<string> expected) => new(w.Id, w.ItemKey, w.MethodLabel,
        w.Status, question, expected, w.Answer, w.ExtractedAnswer, w.Scores, w.LatencyMs, w.PromptTokens, w.CompletionTokens, w.CostUsd, w.Steps,
        w.Trace, w.Retrieved, w.Error);
}
