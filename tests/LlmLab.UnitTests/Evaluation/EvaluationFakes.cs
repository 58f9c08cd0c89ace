extern alias evaluation;
using evaluation::LlmLab.Contracts.Knowledge;
using evaluation::LlmLab.Evaluation.Clients;
using evaluation::LlmLab.Evaluation.Domain;
using evaluation::LlmLab.Evaluation.Methods;
using Grpc.Core;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;
using Microsoft.Extensions.Options;

namespace LlmLab.UnitTests.Evaluation;

/// <summary>A model that answers each turn from a script (or a function of the prompt), recording the prompts it saw.</summary>
internal sealed class ScriptedModel(Func<string, int, string> answer) : ModelClient(null!)
{
    public List<string> Prompts { get; } = [];

    public ScriptedModel(params string[] turns) : this((_, i) => turns[Math.Min(i, turns.Length - 1)]) { }

    public override Task<string> CompleteAsync(evaluation::LlmLab.Evaluation.Domain.Evaluation evaluation, string prompt, IReadOnlyList<string> stop,
        Usage usage, CancellationToken ct)
    {
        Prompts.Add(prompt);
        return Task.FromResult(answer(prompt, Prompts.Count - 1));
    }
}

/// <summary>
/// An in-process fake of the knowledge service's gRPC API (knowledge.proto): answers Retrieve and Lookup from a few
/// articles and checks, as the real service does, that the call carries a valid platform token, recording its tenant.
/// </summary>
internal sealed class FakeKnowledge(InternalTokens tokens, Dictionary<string, string> articles) : KnowledgeService.KnowledgeServiceClient
{
    public List<(string Tenant, RetrieveRequest Request)> Retrieves { get; } = [];
    public List<(string Tenant, string Title)> Lookups { get; } = [];
    public bool Down { get; set; }

    public override AsyncUnaryCall<RetrieveReply> RetrieveAsync(RetrieveRequest request, CallOptions options)
    {
        var tenant = TenantOf(options);
        Retrieves.Add((tenant, request));
        var words = System.Text.RegularExpressions.Regex.Split(request.Query.ToLowerInvariant(), "[^a-z0-9]+").Where(w => w.Length > 0).ToArray();
        var reply = new RetrieveReply();
        reply.Chunks.AddRange(articles
            .Select(a => (a, score: words.Count(w => a.Value.Contains(w, StringComparison.OrdinalIgnoreCase))))
            .Where(x => x.score > 0).OrderByDescending(x => x.score).ThenBy(x => x.a.Key).Take(request.TopK)
            .Select(x => new RetrievedChunk { ChunkId = x.a.Key + "#0", DocumentId = x.a.Key, DocumentTitle = x.a.Key, Text = x.a.Value, Score = x.score }));
        return Call(reply);
    }

    public override AsyncUnaryCall<LookupReply> LookupAsync(LookupRequest request, CallOptions options)
    {
        Lookups.Add((TenantOf(options), request.Title));
        return Call(articles.TryGetValue(request.Title, out var text)
            ? new LookupReply { Found = true, DocumentId = request.Title, Title = request.Title, Text = text }
            : new LookupReply { Found = false });
    }

    private string TenantOf(CallOptions options)
    {
        if (Down) throw new RpcException(new Status(StatusCode.Internal, "index is rebuilding"));
        var token = options.Headers?.GetValue(InternalTokens.HeaderName.ToLowerInvariant())
                    ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "no platform token"));
        var caller = tokens.ValidateAsync(token).GetAwaiter().GetResult()
                     ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "forged token"));
        return caller.TenantId;
    }

    private static AsyncUnaryCall<T> Call<T>(T reply) =>
        new(Task.FromResult(reply), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
}

internal static class EvaluationFixtures
{
    public static readonly InternalTokens Tokens = new(Options.Create(new InternalTokenOptions { InternalTokenKey = Convert.ToBase64String(new byte[32]) }),
        TimeProvider.System);

    public static KnowledgeClient KnowledgeClientOf(FakeKnowledge fake) => new(fake, Tokens, new ServiceName("evaluation"));

    public static FakeKnowledge Articles() => new(Tokens, new Dictionary<string, string>
    {
        ["Iron"] = "Iron is a chemical element. The chemical symbol of iron is Fe. The atomic number of iron is 26.",
        ["Cobalt"] = "Cobalt is a chemical element. The chemical symbol of cobalt is Co. The atomic number of cobalt is 27.",
        ["Helium"] = "Helium is a chemical element. The chemical symbol of helium is He. The atomic number of helium is 2.",
    });

    public static MethodInput Input(MethodKind kind, string question, string[] answers, MethodOptions? options = null, SupportingFact[]? facts = null) => new(
        new evaluation::LlmLab.Evaluation.Domain.Evaluation { TenantId = "tenant-a", Name = "t", Provider = "local", Model = "m" },
        new DatasetItem { Key = "1", Question = question, Answers = [.. answers], SupportingFacts = [.. facts ?? []] },
        new MethodSpec(kind.ToString(), kind, options ?? new MethodOptions()));
}
