using LlmLab.Evaluation.Clients;
using LlmLab.Evaluation.Domain;
using LlmLab.Evaluation.Extraction;

namespace LlmLab.Evaluation.Methods;

/// <summary>
/// rag (BM25), rag_hybrid (BM25 + dense) and rag_rerank (hybrid, reranked): retrieve top_k chunks for the question,
/// cut each to chunk_size characters, answer from them; the chunks are stored with the answer.
/// </summary>
public sealed class RagMethod(ModelClient model, KnowledgeClient knowledge) : IEvaluationMethod
{
    public bool Handles(MethodSpec spec) => spec.Method.IsRag();

    public async Task<MethodOutcome> RunAsync(MethodInput input, CancellationToken ct)
    {
        var options = input.Spec.Options;
        var (mode, rerank) = input.Spec.Method switch
        {
            MethodKind.RagHybrid => ("hybrid", false),
            MethodKind.RagRerank => ("hybrid", true),
            _ => ("bm25", false),
        };
        var chunks = await knowledge.RetrieveAsync(input.Evaluation.TenantId, input.Item.Question, options.Collection, mode, rerank, options.TopK, ct);
        var outcome = new MethodOutcome { Steps = 1 };
        outcome.Retrieved.AddRange(chunks.Select(c => new RetrievedPassage(c.ChunkId, c.DocumentId, c.DocumentTitle,
            c.Text.Length > options.ChunkSize ? c.Text[..options.ChunkSize] : c.Text, c.Score)));
        outcome.Answer = await model.CompleteAsync(input.Evaluation, Prompts.WithPassages(input.Item, outcome.Retrieved), ["\nQuestion:", "\n\n"], outcome.Usage, ct);
        outcome.Extracted = AnswerExtractor.Extract(outcome.Answer, input.Numeric);
        return outcome;
    }
}
