namespace LlmLab.ServiceKit;

/// <summary>
/// The values of an inclusive range min..max by step, computed in decimal so 0.1..1.0 step 0.1 is exactly
/// ten values printed as 0.1, 0.2, … (never 0.30000000000000004). Safe against any double a caller can send:
/// NaN, ±Infinity, a step so tiny or bounds so huge that decimal would overflow, or a count too large to allocate.
/// </summary>
public static class InclusiveRange
{
    /// <summary>Counts above this are reported as <see cref="TooMany"/>: no caller's limit is anywhere near it.</summary>
    public const int MaxCount = 100_000_000;

    /// <summary>What <see cref="Count"/> answers for a range of more than <see cref="MaxCount"/> values.</summary>
    public const int TooMany = MaxCount + 1;

    /// <summary>The most values <see cref="Values(double, double, double)"/> allocates unless told otherwise.</summary>
    public const int DefaultMaxValues = 1_000_000;

    private const decimal Tolerance = 0.000000001m;

    /// <summary>The largest magnitude decimal arithmetic handles here without overflow (decimal tops out near 7.9e28).</summary>
    private const double DecimalSafe = 1e15;

    /// <summary>
    /// How many values the range holds: 0 when it is not a range (a bound or the step not finite, step ≤ 0, min &gt; max),
    /// <see cref="TooMany"/> when it holds more than <see cref="MaxCount"/>. Never throws, never allocates.
    /// </summary>
    public static int Count(double min, double max, double step)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || !double.IsFinite(step) || !(step > 0) || min > max)
        {
            return 0;
        }
        // Estimated in double first: a tiny step or huge bounds would overflow decimal (or divide by a step that rounds to 0m).
        var estimate = (max - min) / step;
        if (!(estimate < MaxCount)) return TooMany;
        if (Math.Abs(min) > DecimalSafe || Math.Abs(max) > DecimalSafe || step < 1.0 / DecimalSafe)
        {
            return (int)Math.Floor(estimate + 1e-9) + 1;
        }
        var span = ((decimal)max - (decimal)min) / (decimal)step;
        var count = decimal.Floor(span + Tolerance) + 1;
        return count > MaxCount ? TooMany : (int)count;
    }

    public static IReadOnlyList<double> Values(double min, double max, double step) => Values(min, max, step, DefaultMaxValues);

    /// <summary>The values; throws <see cref="ArgumentOutOfRangeException"/> before allocating when there are more than <paramref name="maxValues"/>.</summary>
    public static IReadOnlyList<double> Values(double min, double max, double step, int maxValues)
    {
        var count = Count(min, max, step);
        if (count > maxValues)
        {
            throw new ArgumentOutOfRangeException(nameof(step), $"the range holds more than {maxValues} values.");
        }
        var values = new double[count];
        var exact = Math.Abs(min) <= DecimalSafe && Math.Abs(max) <= DecimalSafe && step >= 1.0 / DecimalSafe;
        for (var i = 0; i < count; i++)
        {
            values[i] = exact ? (double)decimal.Round((decimal)min + i * (decimal)step, 10) : min + i * step;
        }
        return values;
    }
}
