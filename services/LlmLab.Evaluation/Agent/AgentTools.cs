using System.Globalization;
using Grpc.Core;
using LlmLab.Evaluation.Clients;
using LlmLab.Evaluation.Domain;
using LlmLab.Evaluation.Methods;

namespace LlmLab.Evaluation.Agent;

/// <summary>The agent's tools: calculator (local, safe), retrieve and lookup (the knowledge service). Failures are observations, never exceptions.</summary>
public sealed class AgentTools(KnowledgeClient knowledge)
{
    public const string Description = """
        calculator[expression]: evaluates arithmetic, such as 12 * (3 + 4).
        retrieve[query]: searches the knowledge base and returns the best passages.
        lookup[title]: returns the article with exactly this title.
        """;

    public sealed record Observation(string Text, bool Error);

    public async Task<Observation> RunAsync(string tool, string input, MethodInput method, MethodOutcome outcome, CancellationToken ct)
    {
        switch (tool)
        {
            case "calculator":
                var (value, error) = Calculator.Evaluate(input);
                return value is { } v ? new(Extraction.NumericAnswer.Canonical(v), false) : new($"Error: {error}", true);
            case "retrieve":
            case "lookup":
                if (string.IsNullOrWhiteSpace(input)) return new($"Error: {tool} needs an input", true);
                try
                {
                    return tool == "retrieve" ? await RetrieveAsync(input, method, outcome, ct) : await LookupAsync(input, method, ct);
                }
                catch (RpcException ex) when (!ct.IsCancellationRequested)
                {
                    return new($"Error: the knowledge base answered {ex.StatusCode} ({ex.Status.Detail})", true);
                }
                catch (InvalidOperationException ex) when (!ct.IsCancellationRequested)
                {
                    // Service discovery: the knowledge service is not deployed.
                    return new($"Error: the knowledge base is unavailable ({ex.Message})", true);
                }
            default:
                return new($"Error: unknown tool '{tool}'; the tools are calculator, retrieve and lookup", true);
        }
    }

    private async Task<Observation> RetrieveAsync(string query, MethodInput method, MethodOutcome outcome, CancellationToken ct)
    {
        var options = method.Spec.Options;
        var chunks = await knowledge.RetrieveAsync(method.Evaluation.TenantId, query, options.Collection, "hybrid", false, options.TopK, ct);
        var passages = chunks.Select(c => new RetrievedPassage(c.ChunkId, c.DocumentId, c.DocumentTitle,
            c.Text.Length > options.ChunkSize ? c.Text[..options.ChunkSize] : c.Text, c.Score)).ToList();
        outcome.Retrieved.AddRange(passages);
        if (passages.Count == 0) return new("No passages found.", false);
        return new(string.Join("\n", passages.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"[{i + 1}] {p.DocumentTitle}: {p.Text}"))), false);
    }

    private async Task<Observation> LookupAsync(string title, MethodInput method, CancellationToken ct)
    {
        var reply = await knowledge.LookupAsync(method.Evaluation.TenantId, title, method.Spec.Options.Collection, ct);
        if (!reply.Found) return new($"No article titled '{title}'.", false);
        var text = reply.Text.Length > method.Spec.Options.ChunkSize ? reply.Text[..method.Spec.Options.ChunkSize] : reply.Text;
        return new($"{reply.Title}: {text}", false);
    }
}
