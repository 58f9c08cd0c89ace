namespace LlmLab.Training.Modeling;

/// <summary>
/// A character-level vocabulary: index 0 stands for any character the training text did not contain, 1..n for the
/// characters it did, in a fixed order so the same text always gives the same indices.
/// </summary>
public sealed class CharVocabulary
{
    private readonly Dictionary<char, long> _index;

    public CharVocabulary(string characters)
    {
        Characters = characters;
        _index = characters.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => (long)x.i + 1);
    }

    public string Characters { get; }
    public int Size => Characters.Length + 1;

    public static CharVocabulary Of(string text) => new(new string(text.Distinct().Order().ToArray()));

    public long[] Encode(string text) => text.Select(c => _index.GetValueOrDefault(c)).ToArray();

    /// <summary>The character of an index; the unknown index decodes to nothing.</summary>
    public string Decode(long index) => index >= 1 && index <= Characters.Length ? Characters[(int)index - 1].ToString() : "";
}
