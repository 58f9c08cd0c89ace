using System.Text.RegularExpressions;

namespace LlmLab.LlmIntegration.Providers.Local.Reading;

/// <summary>A short answer span with how strongly the context supports it.</summary>
public sealed record AnswerCandidate(string Text, double Score);

/// <summary>
/// The built-in engine's reading mode: answers a question from a given context by picking the sentence that shares the
/// most (IDF-weighted) meaning with the question, then the span in it the question asks for. A classic extractive
/// baseline, not a language model: it never answers from anything but the context.
/// </summary>
public static partial class ExtractiveReader
{
    private const int MaxSpanWords = 6;
    private const int SentencesConsidered = 3;
    // Spans are searched only in the first words of a sentence: keeps a pathological one-sentence context linear.
    private const int MaxSentenceWords = 200;

    [GeneratedRegex(@"^-?\d[\d,]*(?:\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b(how (many|much|old|long|far|tall|heavy)|what (year|number|percentage)|when|number|count|weight|how)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumericQuestion();

    // "Which element has …", "What person discovered …": the answer is the subject the sentence is about.
    [GeneratedRegex(@"^\s*((which|what)(\s+\w+){1,3}|who)\s+(has|have|had|is|was|were|are|discovered|invented|wrote|founded|built|contains|named)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubjectQuestion();

    public static IReadOnlyList<AnswerCandidate> Candidates(string context, string question)
    {
        var questionStems = TextWords.ContentStems(question);
        if (questionStems.Count == 0) return [];
        var sentences = TextWords.Sentences(context).Select(Bounded).ToList();
        var idf = InverseDocumentFrequency(sentences);
        var wantsNumber = NumericQuestion().IsMatch(question) && !SubjectQuestion().IsMatch(question);
        var wantsSubject = SubjectQuestion().IsMatch(question);

        var ranked = sentences
            .Select((sentence, index) => (Sentence: sentence, Index: index, Score: Overlap(sentence, questionStems, idf)))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Index)
            .Take(SentencesConsidered)
            .ToList();

        var candidates = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (sentence, _, score) in ranked)
        {
            var span = wantsNumber ? NearestNumber(sentence, questionStems) : wantsSubject ? Subject(sentence, questionStems) : SpanAfterKeyword(sentence, questionStems);
            span ??= FirstNewSpan(sentence, questionStems);
            if (span is null) continue;
            candidates[span] = Math.Max(candidates.GetValueOrDefault(span), score);
        }
        return candidates.Select(c => new AnswerCandidate(c.Key, c.Value)).OrderByDescending(c => c.Score).ToList();
    }

    /// <summary>The best candidate at temperature 0; otherwise one drawn in proportion to exp(score / temperature).</summary>
    public static string? Answer(string context, string question, double temperature, Random random)
    {
        var candidates = Candidates(context, question);
        if (candidates.Count == 0) return null;
        if (temperature <= 0 || candidates.Count == 1) return candidates[0].Text;
        var top = candidates[0].Score;
        var weights = candidates.Select(c => Math.Exp((c.Score - top) / temperature)).ToArray();
        var draw = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            draw -= weights[i];
            if (draw <= 0) return candidates[i].Text;
        }
        return candidates[^1].Text;
    }

    private static string Bounded(string sentence)
    {
        var words = TextWords.Words(sentence);
        return words.Count <= MaxSentenceWords ? sentence : sentence[..words[MaxSentenceWords].Start];
    }

    private static Dictionary<string, double> InverseDocumentFrequency(List<string> sentences)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            foreach (var stem in TextWords.ContentStems(sentence)) df[stem] = df.GetValueOrDefault(stem) + 1;
        }
        return df.ToDictionary(p => p.Key, p => Math.Log(1 + (double)sentences.Count / p.Value), StringComparer.Ordinal);
    }

    private static double Overlap(string sentence, HashSet<string> questionStems, Dictionary<string, double> idf) =>
        TextWords.ContentStems(sentence).Where(questionStems.Contains).Sum(s => idf.GetValueOrDefault(s, 1));

    private static bool IsQuestionWord(string word, HashSet<string> questionStems) => questionStems.Contains(TextWords.Stem(word));

    private static string? NearestNumber(string sentence, HashSet<string> questionStems)
    {
        var words = TextWords.Words(sentence);
        var keywordPositions = Enumerable.Range(0, words.Count).Where(i => IsQuestionWord(words[i].Text, questionStems)).ToList();
        return Enumerable.Range(0, words.Count)
            .Where(i => NumberPattern().IsMatch(words[i].Text) && !questionStems.Contains(words[i].Text))
            .OrderBy(i => keywordPositions.Count == 0 ? i : keywordPositions.Min(k => k < i ? i - k : 2 * (k - i)))
            .Select(i => words[i].Text.Replace(",", "", StringComparison.Ordinal))
            .FirstOrDefault();
    }

    private static string? Subject(string sentence, HashSet<string> questionStems)
    {
        var runs = NewWordRuns(sentence, questionStems);
        return runs.Count > 0 && runs[0].Start == 0 ? runs[0].Text : null;
    }

    private static string? SpanAfterKeyword(string sentence, HashSet<string> questionStems)
    {
        var words = TextWords.Words(sentence);
        var lastKeyword = -1;
        for (var i = 0; i < words.Count; i++)
        {
            if (IsQuestionWord(words[i].Text, questionStems) && TextWords.IsWord(words[i].Text)) lastKeyword = i;
        }
        if (lastKeyword < 0) return null;
        return NewWordRuns(sentence, questionStems).FirstOrDefault(r => r.Start > lastKeyword).Text;
    }

    private static string? FirstNewSpan(string sentence, HashSet<string> questionStems) =>
        NewWordRuns(sentence, questionStems).FirstOrDefault().Text;

    /// <summary>Runs of words that are neither in the question nor stop words, cut at punctuation (start = word index).</summary>
    private static List<(int Start, string Text)> NewWordRuns(string sentence, HashSet<string> questionStems)
    {
        var words = TextWords.Words(sentence);
        var runs = new List<(int, string)>();
        var start = -1;
        for (var i = 0; i <= words.Count; i++)
        {
            var inRun = i < words.Count && TextWords.IsWord(words[i].Text) && !IsQuestionWord(words[i].Text, questionStems)
                && (!TextWords.IsStopWord(words[i].Text) || TextWords.IsNameInsideSentence(words, i));
            if (inRun && start < 0) start = i;
            if (!inRun && start >= 0)
            {
                var end = Math.Min(i, start + MaxSpanWords);
                var from = words[start].Start;
                var to = words[end - 1].Start + words[end - 1].Text.Length;
                runs.Add((start, sentence[from..to]));
                start = -1;
            }
        }
        return runs;
    }
}
