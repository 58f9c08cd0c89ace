using LlmLab.Quality.Text;

namespace LlmLab.Quality.Metrics;

/// <summary>
/// A VADER-like lexicon score in −1..1: word valences (−4..4), an intensifier before a word scales it by ±0.293,
/// a negation among the three words before flips it (×−0.74), words before "but" count half and after it 1.5×,
/// each "!" (up to four) adds 0.292 in the sum's direction, and the sum is normalised as x/√(x²+15).
/// </summary>
public static class Sentiment
{
    private static readonly Dictionary<string, double> Valence = new(StringComparer.Ordinal)
    {
        ["good"] = 1.9, ["great"] = 3.1, ["excellent"] = 3.2, ["amazing"] = 2.8, ["wonderful"] = 2.7, ["love"] = 3.2,
        ["like"] = 1.5, ["happy"] = 2.7, ["best"] = 3.2, ["better"] = 1.9, ["nice"] = 1.8, ["helpful"] = 1.8,
        ["useful"] = 1.9, ["clear"] = 1.6, ["easy"] = 1.9, ["benefit"] = 1.6, ["benefits"] = 1.6, ["success"] = 2.7,
        ["safe"] = 1.9, ["healthy"] = 1.7, ["strong"] = 1.5, ["enjoy"] = 2.2, ["fun"] = 2.3, ["beautiful"] = 2.9,
        ["perfect"] = 2.7, ["glad"] = 2.0, ["win"] = 2.8, ["improve"] = 1.9, ["improves"] = 1.9, ["fresh"] = 1.3,
        ["bad"] = -2.5, ["terrible"] = -3.1, ["awful"] = -3.1, ["horrible"] = -2.5, ["hate"] = -2.7, ["worst"] = -3.1,
        ["worse"] = -2.1, ["poor"] = -2.1, ["sad"] = -2.1, ["angry"] = -2.3, ["wrong"] = -2.1, ["fail"] = -2.5,
        ["failure"] = -2.3, ["harm"] = -2.2, ["harms"] = -2.2, ["danger"] = -2.4, ["dangerous"] = -2.1, ["ill"] = -1.8,
        ["problem"] = -1.7, ["problems"] = -1.7, ["difficult"] = -1.5, ["hard"] = -0.4, ["risk"] = -1.1, ["loss"] = -1.3,
        ["pain"] = -2.4, ["stress"] = -1.8, ["boring"] = -1.3, ["ugly"] = -2.3, ["mistake"] = -1.5, ["mistakes"] = -1.5,
        ["disease"] = -1.7, ["broken"] = -1.8, ["weak"] = -1.9, ["tired"] = -1.9, ["cold"] = -0.3,
    };

    private static readonly Dictionary<string, double> Intensifiers = new(StringComparer.Ordinal)
    {
        ["very"] = 0.293, ["extremely"] = 0.293, ["really"] = 0.293, ["so"] = 0.293, ["incredibly"] = 0.293,
        ["absolutely"] = 0.293, ["highly"] = 0.293, ["most"] = 0.293, ["slightly"] = -0.293, ["somewhat"] = -0.293,
        ["barely"] = -0.293, ["hardly"] = -0.293, ["little"] = -0.293,
    };

    private static readonly HashSet<string> Negations =
        ["not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "isn't", "aren't", "wasn't", "don't", "doesn't", "didn't", "can't", "won't", "cannot", "shouldn't"];

    public static double Compound(AnalyzedText text)
    {
        var words = text.Words;
        var butAt = -1;
        for (var i = 0; i < words.Count; i++) if (words[i] == "but") butAt = i;

        var sum = 0.0;
        for (var i = 0; i < words.Count; i++)
        {
            if (!Valence.TryGetValue(words[i], out var v)) continue;
            if (i > 0 && Intensifiers.TryGetValue(words[i - 1], out var boost)) v += v > 0 ? boost : -boost;
            if (text.Surface[i].Length > 1 && text.Surface[i].All(char.IsUpper)) v += v > 0 ? 0.733 : -0.733;
            for (var j = Math.Max(0, i - 3); j < i; j++)
            {
                if (Negations.Contains(words[j]) || words[j].EndsWith("n't", StringComparison.Ordinal)) { v *= -0.74; break; }
            }
            if (butAt >= 0) v *= i < butAt ? 0.5 : i > butAt ? 1.5 : 1;
            sum += v;
        }
        var exclamations = Math.Min(4, text.Text.Count(c => c == '!'));
        if (sum != 0) sum += Math.Sign(sum) * exclamations * 0.292;
        return Math.Round(sum / Math.Sqrt(sum * sum + 15), 4);
    }
}
