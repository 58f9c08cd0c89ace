using System.Runtime.InteropServices;
using System.Text;

namespace LlmLab.LlmIntegration.Providers.Local;

/// <summary>One request's generation: the corpus model plus the prompt's own n-grams, sampled token by token.</summary>
public sealed class LocalEngine(LocalLanguageModel model)
{
    private const int PromptWeight = 1;
    private const int TopicParagraphs = 4;
    // Share of each next-word probability drawn from the paragraphs the prompt is about (where they know the context).
    private const double TopicMix = 0.8;
    private const double TopicBonus = 0.7;
    private static readonly (double Tri, double Bi, double Uni) Lambdas = (0.6, 0.3, 0.1);

    /// <summary>Yields text pieces as they are generated; <paramref name="finish"/> says why it stopped.</summary>
    /// <remarks>
    /// Cost is linear in the prompt and in the output: tokens are bounded in length, and the stop search looks only at the
    /// tail a stop sequence could end in. <paramref name="cancellationToken"/> is checked before every token, so a caller
    /// that goes away stops the work.
    /// </remarks>
    public IEnumerable<string> Generate(string prompt, SamplingSettings settings, int maxTokens, IReadOnlyList<string> stop, int seed, GenerationOutcome finish,
        CancellationToken cancellationToken = default)
    {
        var vocabulary = new Vocabulary(model.Vocabulary);
        var promptCounts = new NGramCounts();
        // Unframed: the prompt's n-grams widen what may follow a word, but never decide how an answer starts or ends.
        promptCounts.Add(vocabulary.IdsOf(LocalTokenizer.Tokenize(prompt)), PromptWeight);
        // Framed: the paragraphs the prompt is about also decide how the answer starts.
        var topicCounts = new NGramCounts();
        foreach (var paragraph in model.Topics.Relevant(prompt, TopicParagraphs))
        {
            topicCounts.Add(model.Frame(vocabulary, paragraph));
        }
        var topicWords = LocalTokenizer.Tokenize(prompt)
            .Where(t => t.Length > 3 && LocalTokenizer.IsWord(t))
            .Select(vocabulary.IdOf)
            .ToHashSet();

        var random = new Random(seed);
        var generated = new Dictionary<int, int>();
        var text = new StringBuilder();
        var (previous2, previous1) = (model.StartId, model.StartId);
        var candidates = new Dictionary<int, double>();
        var buffer = new List<(int, double)>();

        for (var produced = 0; produced < maxTokens; produced++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Score(previous2, previous1, promptCounts, topicCounts, topicWords, candidates);
            buffer.Clear();
            buffer.AddRange(candidates.Select(c => (c.Key, c.Value)));
            var next = Sampler.Sample(CollectionsMarshal.AsSpan(buffer), settings, generated, random);
            if (next == model.EndId)
            {
                finish.Reason = "stop";
                yield break;
            }

            generated[next] = generated.GetValueOrDefault(next) + 1;
            var before = text.Length;
            var textBefore = finish.Logprobs is null ? null : new StringBuilder(text.ToString(Math.Max(0, before - 1), Math.Min(1, before)));
            LocalTokenizer.Append(text, vocabulary.TokenOf(next));
            finish.CompletionTokens = produced + 1;
            var stopAt = FindStop(text, stop, before);
            var piece = stopAt >= 0 ? text.ToString(before, Math.Max(0, stopAt - before)) : text.ToString(before, text.Length - before);
            if (textBefore is not null && piece.Length > 0)
            {
                finish.Logprobs!.Add(NextTokenLogprobs.Of(CollectionsMarshal.AsSpan(buffer), next, piece, finish.TopLogprobs, textBefore, vocabulary.TokenOf));
            }
            if (stopAt >= 0)
            {
                if (piece.Length > 0) yield return piece;
                finish.Reason = "stop";
                yield break;
            }
            yield return piece;
            (previous2, previous1) = (previous1, next);
        }
        finish.Reason = "length";
    }

    private void Score(int w1, int w2, NGramCounts promptCounts, NGramCounts topicCounts, HashSet<int> topicWords, Dictionary<int, double> scores)
    {
        scores.Clear();
        var corpus = model.Counts;
        var key = NGramCounts.Key(w1, w2);
        var tri = new Context(corpus.Trigrams.GetValueOrDefault(key), promptCounts.Trigrams.GetValueOrDefault(key),
            corpus.TrigramTotals.GetValueOrDefault(key) + promptCounts.TrigramTotals.GetValueOrDefault(key));
        var biContext = w2;
        var bi = new Context(corpus.Bigrams.GetValueOrDefault(w2), promptCounts.Bigrams.GetValueOrDefault(w2),
            corpus.BigramTotals.GetValueOrDefault(w2) + promptCounts.BigramTotals.GetValueOrDefault(w2));
        if (bi.Total == 0)
        {
            // An unseen context (a word only the prompt had, at its end): continue as if a sentence had ended.
            biContext = model.StartId;
            bi = new Context(corpus.Bigrams.GetValueOrDefault(model.StartId), null, corpus.BigramTotals.GetValueOrDefault(model.StartId));
        }
        var topicTri = new Context(topicCounts.Trigrams.GetValueOrDefault(key), null, topicCounts.TrigramTotals.GetValueOrDefault(key));
        var topicBi = new Context(topicCounts.Bigrams.GetValueOrDefault(w2), null, topicCounts.BigramTotals.GetValueOrDefault(w2));
        var mix = topicTri.Total > 0 ? TopicMix : topicBi.Total > 0 ? TopicMix / 2 : 0;

        var triWeight = tri.Total > 0 ? Lambdas.Tri : 0;
        var norm = triWeight + Lambdas.Bi + Lambdas.Uni;
        var unigramTotal = (double)(corpus.TotalTokens + promptCounts.TotalTokens);
        void Consider(int token)
        {
            if (token == model.StartId || scores.ContainsKey(token)) return;
            var unigram = corpus.Unigrams.GetValueOrDefault(token) + promptCounts.Unigrams.GetValueOrDefault(token);
            var general = (triWeight * tri.Ratio(token) + Lambdas.Bi * bi.Ratio(token) + Lambdas.Uni * unigram / unigramTotal) / norm;
            var topical = topicTri.Total > 0 ? 0.8 * topicTri.Ratio(token) + 0.2 * topicBi.Ratio(token) : topicBi.Ratio(token);
            var p = mix * topical + (1 - mix) * general;
            scores[token] = Math.Log(Math.Max(p, 1e-12)) + (topicWords.Contains(token) ? TopicBonus : 0);
        }

        foreach (var token in corpus.TopTrigramFollowers(key)) Consider(token);
        foreach (var token in corpus.TopBigramFollowers(biContext)) Consider(token);
        foreach (var table in (ReadOnlySpan<Dictionary<int, int>?>)[tri.Prompt, bi.Prompt, topicTri.Corpus, topicBi.Corpus])
        {
            if (table is null) continue;
            foreach (var token in table.Keys) Consider(token);
        }
    }

    /// <summary>One context's next-token counts in the corpus and in the prompt, with their joint total.</summary>
    private readonly record struct Context(Dictionary<int, int>? Corpus, Dictionary<int, int>? Prompt, int Total)
    {
        public double Ratio(int token) =>
            Total == 0 ? 0 : (double)((Corpus?.GetValueOrDefault(token) ?? 0) + (Prompt?.GetValueOrDefault(token) ?? 0)) / Total;
    }

    /// <summary>
    /// The earliest stop sequence that ends in the text appended since <paramref name="searchFrom"/>; only that tail (plus
    /// the longest stop's length before it) is copied and searched, never the whole output.
    /// </summary>
    private static int FindStop(StringBuilder text, IReadOnlyList<string> stop, int searchFrom)
    {
        if (stop.Count == 0) return -1;
        var longest = stop.Max(s => s.Length);
        var start = Math.Max(0, searchFrom - longest + 1);
        var tail = text.ToString(start, text.Length - start);
        var best = -1;
        foreach (var s in stop)
        {
            if (s.Length == 0) continue;
            var at = tail.IndexOf(s, Math.Max(0, searchFrom - start - s.Length + 1), StringComparison.Ordinal);
            if (at >= 0 && (best < 0 || at < best)) best = at;
        }
        return best < 0 ? -1 : start + best;
    }
}

/// <summary>Filled in by <see cref="LocalEngine.Generate"/> as it runs.</summary>
public sealed class GenerationOutcome
{
    public string Reason { get; set; } = "stop";
    public int CompletionTokens { get; set; }
    /// <summary>Null unless the caller asked for log-probabilities; then one entry per token yielded, in order.</summary>
    public List<LlmLab.LlmIntegration.Pipeline.TokenLogprob>? Logprobs { get; init; }
    /// <summary>How many most likely alternatives each entry of <see cref="Logprobs"/> lists.</summary>
    public int TopLogprobs { get; init; }
}
