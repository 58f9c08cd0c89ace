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

    public Task<long> WriteTableAsync(IQueryable<StoredResponse> query, string format, IReadOnlyList<ResponseColumns.Column> columns, Stream body, CancellationToken ct) =>
        TableWriter.WriteAllAsync(format, body, columns.Select(c => c.Definition).ToList(), Values(query, columns, ct), ct);

    private async IAsyncEnumerable<object?[]> Values(IQueryable<StoredResponse> query, IReadOnlyList<ResponseColumns.Column> columns, [EnumeratorCancellation] CancellationToken ct)
    {
        var row = new object?[columns.Count];
        await foreach (var r in Rows(query).WithCancellation(ct))
        {
            for (var i = 0; i < columns.Count; i++) row[i] = columns[i].Read(r);
            yield return row; // reused: every writer consumes a row before asking for the next (Parquet copies)
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
