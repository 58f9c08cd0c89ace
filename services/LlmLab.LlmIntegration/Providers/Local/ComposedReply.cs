using System.Text.RegularExpressions;

namespace LlmLab.LlmIntegration.Providers.Local;

/// <summary>Streams a reply decided in advance (reading modes) under the same stop sequences and token limit as generation.</summary>
public static partial class ComposedReply
{
    [GeneratedRegex(@"\s*\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Piece();

    public static IEnumerable<string> Stream(string reply, int maxTokens, IReadOnlyList<string> stop, GenerationOutcome outcome)
    {
        var cut = stop.Where(s => s.Length > 0).Select(s => reply.IndexOf(s, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (cut >= 0) reply = reply[..cut];
        outcome.Reason = "stop";
        foreach (Match piece in Piece().Matches(reply))
        {
            var tokens = LocalTokenizer.Count(piece.Value);
            if (outcome.CompletionTokens + tokens > maxTokens)
            {
                outcome.Reason = "length";
                yield break;
            }
            outcome.CompletionTokens += tokens;
            yield return piece.Value;
        }
    }
}
