using MathNet.Numerics.LinearAlgebra;

namespace LlmLab.Knowledge.Retrieval;

/// <summary>
/// k-means on the unit sphere (cosine similarity), the clustering of the IVF lists. Assignment is one matrix product
/// per iteration (MathNet.Numerics); seeded, so the same sample gives the same centroids.
/// </summary>
public static class SphericalKMeans
{
    public static float[][] Train(IReadOnlyList<float[]> sample, int k, int iterations, int seed)
    {
        k = Math.Clamp(k, 1, sample.Count);
        var points = Matrix<float>.Build.DenseOfRowArrays(sample);
        var random = new Random(seed);
        var centroids = Enumerable.Range(0, sample.Count).OrderBy(_ => random.Next()).Take(k).Select(i => (float[])sample[i].Clone()).ToArray();
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var assignment = Assign(points, centroids);
            var sums = new float[k][];
            for (var i = 0; i < assignment.Length; i++)
            {
                var sum = sums[assignment[i]] ??= new float[sample[0].Length];
                var row = sample[i];
                for (var d = 0; d < row.Length; d++) sum[d] += row[d];
            }
            for (var c = 0; c < k; c++)
            {
                if (sums[c] is not { } sum) continue; // an empty cluster keeps its centroid
                VectorCodec.Normalise(sum);
                centroids[c] = sum;
            }
        }
        return centroids;
    }

    /// <summary>The nearest centroid of each row of <paramref name="points"/>.</summary>
    public static int[] Assign(Matrix<float> points, float[][] centroids)
    {
        var similarities = points.TransposeAndMultiply(Matrix<float>.Build.DenseOfRowArrays(centroids));
        var assignment = new int[points.RowCount];
        for (var i = 0; i < points.RowCount; i++)
        {
            var best = float.NegativeInfinity;
            for (var c = 0; c < centroids.Length; c++)
            {
                var s = similarities[i, c];
                if (s > best) (best, assignment[i]) = (s, c);
            }
        }
        return assignment;
    }
}
