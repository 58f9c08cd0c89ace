namespace LlmLab.ServiceKit;

/// <summary>
/// The values of an inclusive range min..max by step, computed in decimal so 0.1..1.0 step 0.1 is exactly
/// ten values printed as 0.1, 0.2, … (never 0.30000000000000004).
/// </summary>
public static class InclusiveRange
{
    private const decimal Tolerance = 0.000000001m;

    public static int Count(double min, double max, double step)
    {
        if (step <= 0 || min > max)
        {
            return 0;
        }
        var span = ((decimal)max - (decimal)min) / (decimal)step;
        return (int)decimal.Floor(span + Tolerance) + 1;
    }

    public static IReadOnlyList<double> Values(double min, double max, double step)
    {
        var count = Count(min, max, step);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (double)decimal.Round((decimal)min + i * (decimal)step, 10);
        }
        return values;
    }
}
