using System.Numerics;
using System.Runtime.InteropServices;

namespace LlmLab.Knowledge.Retrieval;

/// <summary>Vectors as stored (little-endian float32 bytes) and the arithmetic the dense index needs.</summary>
public static class VectorCodec
{
    public static byte[] ToBytes(ReadOnlySpan<float> vector) => MemoryMarshal.AsBytes(vector).ToArray();

    public static float[] ToFloats(ReadOnlySpan<byte> bytes) => MemoryMarshal.Cast<byte, float>(bytes).ToArray();

    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<byte> b) => Dot(a, MemoryMarshal.Cast<byte, float>(b));

    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var length = Math.Min(a.Length, b.Length);
        var sum = 0f;
        var i = 0;
        if (Vector.IsHardwareAccelerated && length >= Vector<float>.Count)
        {
            var acc = Vector<float>.Zero;
            for (; i <= length - Vector<float>.Count; i += Vector<float>.Count)
            {
                acc += new Vector<float>(a.Slice(i, Vector<float>.Count)) * new Vector<float>(b.Slice(i, Vector<float>.Count));
            }
            sum = Vector.Sum(acc);
        }
        for (; i < length; i++) sum += a[i] * b[i];
        return sum;
    }

    public static void Normalise(Span<float> vector)
    {
        var norm = MathF.Sqrt(Dot(vector, vector));
        if (norm <= 0) return;
        for (var i = 0; i < vector.Length; i++) vector[i] /= norm;
    }
}
