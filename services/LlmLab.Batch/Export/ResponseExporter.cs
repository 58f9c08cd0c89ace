using System.Runtime.CompilerServices;
using System.Text.Json;
using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using LlmLab.ServiceKit.Export;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Export;

/// <summary>
/// Streams responses with their metrics straight from the database cursor to the response body (CSV, XLSX, Parquet,
/// tabular or nested JSON), so memory stays flat however many rows there are.
/// </summary>
public sealed class ResponseExporter(BatchDbContext db)
{
    private IAsyncEnumerable<StoredResponse> Rows(IQueryable<StoredResponse> query) =>
        query.AsNoTracking().Include(r => r.Metrics).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).AsAsyncEnumerable();

    public IQueryable<StoredResponse> OfExperiment(string tenantId, Guid experimentId) => db.Responses.Where(r => r.TenantId == tenantId && r.ExperimentId == experimentId);

    public IQueryable<StoredResponse> OfRun(string tenantId, Guid runId) => db.Responses.Where(r => r.TenantId == tenantId && r.RunId == runId);

    public IQueryable<StoredResponse> OfTenant(string tenantId) => db.Responses.Where(r => r.TenantId == tenantId);

    /// <summary>Items of the run that failed or were cancelled (they have no response, only their error).</summary>
    public IQueryable<WorkItem> FailedOfRun(string tenantId, Guid runId) => db.WorkItems.Where(w => w.TenantId == tenantId && w.RunId == runId && w.ErrorKind != null);

    public IQueryable<WorkItem> FailedOfTenant(string tenantId) => db.WorkItems.Where(w => w.TenantId == tenantId && w.ErrorKind != null);

    public IQueryable<BatchRun> Runs => db.Runs;

    /// <summary>
    /// Writes the responses and, when the columns show errors and <paramref name="failed"/> is given, then one row per
    /// failed item (its parameters and error; no response id, content or metrics).
    /// </summary>
    public Task<long> WriteTableAsync(IQueryable<StoredResponse> query, string format, IReadOnlyList<ResponseColumns.Column> columns, Stream body, CancellationToken ct,
        IQueryable<WorkItem>? failed = null) =>
        TableWriter.WriteAllAsync(format, body, columns.Select(c => c.Definition).ToList(),
            Values(query, failed is not null && ResponseColumns.ShowFailures(columns) ? failed : null, columns, ct), ct);

    private async IAsyncEnumerable<object?[]> Values(IQueryable<StoredResponse> query, IQueryable<WorkItem>? failed, IReadOnlyList<ResponseColumns.Column> columns,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var row = new object?[columns.Count];
        await foreach (var r in Rows(query).WithCancellation(ct))
        {
            for (var i = 0; i < columns.Count; i++) row[i] = columns[i].Read(r);
            yield return row; // reused: every writer consumes a row before asking for the next (Parquet copies)
        }
        if (failed is null) yield break;
        await foreach (var r in FailedRows(failed, ct))
        {
            for (var i = 0; i < columns.Count; i++) row[i] = columns[i].Read(r);
            yield return row;
        }
    }

    private async IAsyncEnumerable<StoredResponse> FailedRows(IQueryable<WorkItem> items, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = items.AsNoTracking().Join(db.Runs, w => w.RunId, r => r.Id, (w, r) => new { Item = w, r.ExperimentId, r.Provider, r.Model, r.CreatedAt })
            .OrderBy(x => x.Item.FinishedAt).ThenBy(x => x.Item.Id).AsAsyncEnumerable();
        await foreach (var x in rows.WithCancellation(ct))
        {
            var w = x.Item;
            yield return new StoredResponse
            {
                Id = Guid.Empty, WorkItemId = w.Id, RunId = w.RunId, ExperimentId = x.ExperimentId, TenantId = w.TenantId, Content = "",
                Temperature = w.Temperature, TopP = w.TopP, FrequencyPenalty = w.FrequencyPenalty, PresencePenalty = w.PresencePenalty,
                MaxTokens = w.MaxTokens, Seed = w.Seed, Provider = x.Provider, Model = w.Model ?? x.Model, FinishReason = "",
                ErrorKind = w.ErrorKind, ErrorMessage = w.ErrorMessage, CreatedAt = w.FinishedAt ?? x.CreatedAt,
            };
        }
    }

    public async Task WriteJsonAsync(IQueryable<StoredResponse> query, string scope, Guid id, Stream body, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        json.WriteString(scope, id);
        json.WriteStartArray("responses");
        var count = 0;
        await foreach (var r in Rows(query).WithCancellation(ct))
        {
            // SerializeToElement + WriteTo: Serialize(writer) would flush synchronously, which Kestrel forbids.
            JsonSerializer.SerializeToElement(Apis.ViewMapping.ToView(r), ServiceKit.ServiceKitExtensions.Json).WriteTo(json);
            if (++count % 500 == 0) await json.FlushAsync(ct);
        }
        json.WriteEndArray();
        json.WriteNumber("count", count);
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }
}
