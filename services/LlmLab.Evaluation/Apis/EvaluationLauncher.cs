using LlmLab.Contracts.Llm;
using LlmLab.Contracts.Messages;
using LlmLab.Evaluation.Data;
using LlmLab.Evaluation.Datasets;
using LlmLab.Evaluation.Domain;
using LlmLab.Messaging;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Evaluation.Apis;

/// <summary>
/// Starts an evaluation: validates it, resolves dataset version, sample and model, then writes the evaluation, one work
/// item per (sampled item × method) and one outbox command per work item in one transaction, so accepted work survives a crash.
/// </summary>
public sealed class EvaluationLauncher(EvaluationDbContext db, Outbox outbox, LlmService.LlmServiceClient llm, IConfiguration configuration, TimeProvider time)
{
    public async Task<(Domain.Evaluation? Evaluation, ProblemHttpResult? Problem)> LaunchAsync(CreateEvaluationRequest request, string tenantId, CancellationToken ct)
    {
        var knowledgeDeployed = configuration["services:knowledge:grpc:0"] is { Length: > 0 };
        var (methods, parameters, errors) = EvaluationValidator.Validate(request, knowledgeDeployed);
        if (errors.Count > 0) return (null, Problems.Invalid(errors));

        var dataset = await db.Visible(tenantId).AsNoTracking().FirstOrDefaultAsync(d => d.Id == request.DatasetId, ct);
        if (dataset is null) return (null, Problems.Invalid("dataset_id", $"no dataset with id {request.DatasetId}."));
        var version = request.DatasetVersion ?? dataset.LatestVersion;
        if (version > dataset.LatestVersion) return (null, Problems.Invalid("dataset_version", $"must be between 1 and {dataset.LatestVersion}."));

        var resolved = await llm.ResolveModelAsync(new ResolveModelRequest { TenantId = tenantId, Provider = request.Provider ?? "", Model = request.Model ?? "" }, cancellationToken: ct);
        if (!resolved.Found) return (null, Problems.Invalid(resolved.Field is "provider" ? "provider" : "model", resolved.Message));
        if (ToolCallingChoice.Resolve(methods, resolved) is { } unsupported) return (null, unsupported);
        JudgeSettings? judge = null;
        if (request.Judge is { } j)
        {
            var judged = await llm.ResolveModelAsync(new ResolveModelRequest { TenantId = tenantId, Provider = j.Provider!, Model = j.Model ?? "" }, cancellationToken: ct);
            if (!judged.Found) return (null, Problems.Invalid(judged.Field is "provider" ? "judge.provider" : "judge.model", judged.Message));
            judge = new JudgeSettings(judged.Provider, judged.Model);
        }

        var items = await db.DatasetItems.AsNoTracking().Where(i => i.DatasetId == dataset.Id && i.Version == version).OrderBy(i => i.Position)
            .Select(i => new { i.Id, i.Key }).ToListAsync(ct);
        var seed = request.Seed ?? 1;
        var sample = DatasetSampler.Sample(items.Count, request.SampleSize, seed).Select(p => items[p]).ToList();
        var max = configuration.GetValue("Evaluation:MaxWorkItems", 20_000);
        if (sample.Count * methods.Count > max)
            return (null, Problems.Invalid("sample_size", $"{sample.Count} items × {methods.Count} methods is {sample.Count * methods.Count} work items; at most {max}."));

        var now = time.GetUtcNow();
        var evaluation = new Domain.Evaluation
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Name = request.Name!.Trim(),
            DatasetId = dataset.Id,
            DatasetVersion = version,
            SampleSize = request.SampleSize,
            Seed = seed,
            Provider = resolved.Provider,
            Model = resolved.Model,
            Parameters = parameters,
            Judge = judge,
            Methods = methods,
            Status = EvaluationStatus.Running,
            TotalItems = sample.Count * methods.Count,
            CreatedAt = now,
        };
        db.Evaluations.Add(evaluation);
        foreach (var method in methods)
        {
            foreach (var item in sample)
            {
                var work = new EvaluationItem
                {
                    Id = Guid.CreateVersion7(),
                    EvaluationId = evaluation.Id,
                    TenantId = tenantId,
                    DatasetItemId = item.Id,
                    ItemKey = item.Key,
                    MethodLabel = method.Label,
                    Status = ItemStatus.Pending,
                };
                db.EvaluationItems.Add(work);
                outbox.Add(db, new EvaluateItem(work.Id, evaluation.Id, tenantId));
            }
        }
        await db.SaveChangesAsync(ct);
        outbox.Committed();
        return (evaluation, null);
    }
}
