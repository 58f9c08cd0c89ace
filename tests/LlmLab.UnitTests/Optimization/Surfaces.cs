using LlmLab.Optimization;

namespace LlmLab.UnitTests.Optimization;

/// <summary>Known score surfaces over small grids, with deterministic noise, for the strategies' tests.</summary>
public static class Surfaces
{
    /// <summary>temperature 0..2 step 0.1 × top_p 0.1..1 step 0.1 (210 configurations), optionally × models a and b.</summary>
    public static SearchSpace TemperatureTopP(int repetitions, bool twoModels = false)
    {
        var list = new List<SearchConfiguration>();
        foreach (var model in twoModels ? new string?[] { "a", "b" } : [null])
        for (var t = 0; t <= 20; t++)
        for (var p = 1; p <= 10; p++)
            list.Add(new SearchConfiguration(list.Count, t / 10.0, p / 10.0, 0, 0, 128, model, null));
        return new SearchSpace(list, repetitions);
    }

    /// <summary>A smooth hill with its top at temperature 1.2, top_p 0.7 (and model b, 5 points higher), 80 at the top.</summary>
    public static double Truth(SearchConfiguration c) =>
        75 + (c.Model == "b" ? 5 : 0) - 40 * (c.Temperature - 1.2) * (c.Temperature - 1.2) - 30 * (c.TopP - 0.7) * (c.TopP - 0.7);

    /// <summary>The truth plus noise of standard deviation <paramref name="noise"/>, fixed per configuration and repetition.</summary>
    public static Func<int, int, double?> Noisy(SearchSpace space, double noise) => (c, r) =>
    {
        var random = new Random(c * 7_919 + r * 104_729 + 13);
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Truth(space.Configurations[c]) + noise * normal;
    };

    public static double BestTruth(SearchSpace space) => space.Configurations.Max(Truth);
}
