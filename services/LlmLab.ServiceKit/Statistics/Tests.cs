namespace LlmLab.ServiceKit.Statistics;

/// <summary>Descriptive statistics and the tests the analytics quote, each with the sample size behind it.</summary>
public static class Tests
{
    /// <summary>Two-sided p-value of Student's t with the given degrees of freedom.</summary>
    public static double TwoSidedP(double t, double degreesOfFreedom) =>
        double.IsNaN(t) || degreesOfFreedom <= 0 ? 1 : SpecialFunctions.RegularizedIncompleteBeta(degreesOfFreedom / 2, 0.5, degreesOfFreedom / (degreesOfFreedom + t * t));

    public static (double Mean, double StdDev, int Count) Describe(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return (double.NaN, double.NaN, 0);
        var mean = values.Average();
        var std = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
        return (mean, std, values.Count);
    }

    /// <summary>Welch's unequal-variance t-test: t, Welch–Satterthwaite degrees of freedom, two-sided p.</summary>
    public static (double T, double DegreesOfFreedom, double P) Welch(IReadOnlyCollection<double> a, IReadOnlyCollection<double> b)
    {
        var (ma, sa, na) = Describe(a);
        var (mb, sb, nb) = Describe(b);
        return Welch(ma, sa, na, mb, sb, nb);
    }

    /// <summary>Welch's test from summary statistics (mean, sample standard deviation, count), as SQL aggregates give them.</summary>
    public static (double T, double DegreesOfFreedom, double P) Welch(double ma, double sa, long na, double mb, double sb, long nb)
    {
        if (na < 2 || nb < 2) return (double.NaN, 0, 1);
        var va = sa * sa / na;
        var vb = sb * sb / nb;
        if (va + vb == 0) return ma == mb ? (0, na + nb - 2, 1) : (double.PositiveInfinity, na + nb - 2, 0);
        var t = (ma - mb) / Math.Sqrt(va + vb);
        var df = (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1));
        return (t, df, TwoSidedP(t, df));
    }

    /// <summary>Pearson's r with its two-sided p-value (t = r·√((n−2)/(1−r²)), n − 2 degrees of freedom).</summary>
    public static (double R, double P, int N) Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var n = Math.Min(x.Count, y.Count);
        if (n < 3) return (double.NaN, 1, n);
        double mx = x.Take(n).Average(), my = y.Take(n).Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0 || syy == 0) return (double.NaN, 1, n);
        var r = Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
        return (r, CorrelationP(r, n), n);
    }

    /// <summary>Two-sided p-value of a correlation coefficient r over n pairs: t = r·√((n−2)/(1−r²)), n − 2 degrees of freedom.</summary>
    public static double CorrelationP(double r, long n)
    {
        if (double.IsNaN(r) || n < 3) return 1;
        return Math.Abs(r) >= 1 ? 0 : TwoSidedP(r * Math.Sqrt((n - 2) / (1 - r * r)), n - 2);
    }

    /// <summary>Spearman's ρ: Pearson's r of average ranks (ties share their mean rank), with the same t approximation.</summary>
    public static (double Rho, double P, int N) Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y) => Pearson(Ranks(x), Ranks(y));

    public static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = values.Select((v, i) => (v, i)).OrderBy(p => p.v).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && order[end + 1].v == order[start].v) end++;
            var rank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++) ranks[order[k].i] = rank;
            start = end + 1;
        }
        return ranks;
    }
}
