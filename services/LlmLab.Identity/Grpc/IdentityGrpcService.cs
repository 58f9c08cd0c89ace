using Grpc.Core;
using LlmLab.Contracts.Identity;
using LlmLab.Identity.Data;
using LlmLab.Identity.Domain;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Identity.Grpc;

/// <summary>The gateway's questions: who holds a key (by its hash), and the requests it saw, for the audit log.</summary>
internal sealed class IdentityGrpcService(IdentityDbContext db, TimeProvider time) : IdentityService.IdentityServiceBase
{
    private const int MaxAuditBatch = 1000;

    public override async Task<AuthenticateReply> Authenticate(AuthenticateRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        if (request.KeyHash.Length != 32) throw new RpcException(new Status(StatusCode.InvalidArgument, "key_hash must be a SHA-256 (32 bytes)."));
        var hash = request.KeyHash.ToByteArray();
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash, ct);
        if (key is null || !key.IsUsableAt(time.GetUtcNow())) return new AuthenticateReply { Found = false };
        if (key.UserId is { } userId && !await db.Users.AnyAsync(u => u.Id == userId && u.DeletedAt == null, ct))
        {
            return new AuthenticateReply { Found = false };
        }
        var tier = await db.Organisations.Where(o => o.Id == key.OrganisationId).Select(o => o.Tier).FirstOrDefaultAsync(ct) ?? Tiers.Enterprise;
        var reply = new AuthenticateReply
        {
            Found = true, TenantId = key.OrganisationId, SubjectId = key.SubjectId, Role = key.Role, Tier = tier, KeyId = key.Id.ToString(),
        };
        reply.Scopes.AddRange(key.Scopes);
        return reply;
    }

    public override async Task<RecordAuditReply> RecordAudit(RecordAuditRequest request, ServerCallContext context)
    {
        if (request.Records.Count > MaxAuditBatch)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"at most {MaxAuditBatch} records per call."));
        foreach (var r in request.Records)
        {
            db.Audit.Add(new AuditEntry
            {
                TenantId = Clip(r.TenantId, 100), SubjectId = Clip(r.SubjectId, 200), Role = Clip(r.Role, 20), Action = Clip(r.Action, 40),
                Method = Clip(r.Method, 10), Path = Clip(r.Path, 2000), Status = r.Status, At = r.At?.ToDateTimeOffset() ?? time.GetUtcNow(),
            });
        }
        await db.SaveChangesAsync(context.CancellationToken);
        return new RecordAuditReply { Recorded = request.Records.Count };
    }

    /// <summary>Paths are the caller's to choose: kept within their columns and without NUL, which PostgreSQL refuses.</summary>
    private static string Clip(string value, int max)
    {
        var clean = value.Replace("\0", "", StringComparison.Ordinal);
        return clean.Length <= max ? clean : clean[..max];
    }
}
