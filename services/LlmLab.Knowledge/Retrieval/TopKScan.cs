using LlmLab.Knowledge.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LlmLab.Knowledge.Retrieval;

/// <summary>
/// Streams (chunk_id, vector) rows of a query and keeps the k best by dot product with the query vector in a heap, so
/// memory is k entries whatever the number of rows read.
/// </summary>
public static class TopKScan
{
    public static async Task<IReadOnlyList<ScoredChunk>> ReadAsync(KnowledgeDbContext db, string sql, IReadOnlyList<object> parameters,
        float[] query, int topK, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value });
            var best = new PriorityQueue<Guid, float>(topK + 1);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var score = VectorCodec.Dot(query, (byte[])reader.GetValue(1));
                if (best.Count < topK) best.Enqueue(reader.GetGuid(0), score);
                else if (best.TryPeek(out _, out var worst) && score > worst) best.EnqueueDequeue(reader.GetGuid(0), score);
            }
            var results = new List<ScoredChunk>(best.Count);
            while (best.TryDequeue(out var id, out var score)) results.Add(new ScoredChunk(id, score));
            results.Reverse();
            return results;
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }
}
