namespace LlmLab.Quality.Metrics.Reference;

/// <summary>
/// The reference's SQuAD-normalised tokens appear, in order and next to each other, among the prediction's: a match on
/// word boundaries ("art" is not found in "the party"). A reference that normalises to nothing matches nothing.
/// </summary>
public static class SubstringMatch
{
    public static bool Contains(IReadOnlyList<string> prediction, IReadOnlyList<string> reference)
    {
        if (reference.Count == 0 || reference.Count > prediction.Count) return false;
        for (var start = 0; start + reference.Count <= prediction.Count; start++)
        {
            var all = true;
            for (var k = 0; k < reference.Count && all; k++)
                all = string.Equals(prediction[start + k], reference[k], StringComparison.Ordinal);
            if (all) return true;
        }
        return false;
    }
}
