namespace LlmLab.LlmIntegration.Providers.Local;

/// <summary>
/// Token text ↔ id. The corpus vocabulary is read-only once built; each request extends a child of it with the
/// prompt's new words, so the engine can copy from its context without the shared vocabulary growing.
/// </summary>
public sealed class Vocabulary(Vocabulary? parent = null)
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _tokens = [];
    private readonly int _offset = parent?.Count ?? 0;

    public int Count => _offset + _tokens.Count;

    public bool TryGetId(string token, out int id)
    {
        if (parent is not null && parent.TryGetId(token, out id)) return true;
        if (_ids.TryGetValue(token, out id)) return true;
        id = -1;
        return false;
    }

    public int IdOf(string token)
    {
        if (TryGetId(token, out var id)) return id;
        id = Count;
        _tokens.Add(token);
        _ids[token] = id;
        return id;
    }

    public string TokenOf(int id) => id < _offset ? parent!.TokenOf(id) : _tokens[id - _offset];

    public int[] IdsOf(IEnumerable<string> tokens) => tokens.Select(IdOf).ToArray();
}
