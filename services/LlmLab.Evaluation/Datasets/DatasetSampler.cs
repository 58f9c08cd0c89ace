namespace LlmLab.Evaluation.Datasets;

/// <summary>A seeded sample of positions without replacement (Fisher–Yates prefix): the same seed always picks the same items.</summary>
public static class DatasetSampler
{
    public static IReadOnlyList<int> Sample(int count, int? sampleSize, int seed)
    {
        var positions = Enumerable.Range(0, count).ToArray();
        if (sampleSize is not { } n || n >= count) return positions;
        var random = new Random(seed);
        for (var i = 0; i < n; i++)
        {
            var j = random.Next(i, count);
            (positions[i], positions[j]) = (positions[j], positions[i]);
        }
        return positions.Take(n).Order().ToArray();
    }
}
