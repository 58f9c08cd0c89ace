namespace LlmLab.Knowledge.Retrieval;

/// <summary>A hash that is the same in every process and release (string.GetHashCode is randomised per process).</summary>
public static class StableHash
{
    /// <summary>FNV-1a, 64 bits, over the UTF-16 code units.</summary>
    public static ulong Of(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    /// <summary>SplitMix64: the next well-mixed 64 bits of a sequence seeded by <paramref name="state"/>.</summary>
    public static ulong Next(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
