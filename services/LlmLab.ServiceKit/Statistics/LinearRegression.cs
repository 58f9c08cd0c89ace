namespace LlmLab.ServiceKit.Statistics;

/// <summary>Ordinary least squares y = intercept + slope·x, with r² and the two-sided p-value of the slope (n − 2 df).</summary>
public sealed record LinearFit(double Slope, double Intercept, double RSquared, double SlopePValue, int N)
{
    public static LinearFit Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var n = Math.Min(x.Count, y.Count);
        if (n < 2) return new LinearFit(double.NaN, double.NaN, double.NaN, 1, n);
        double mx = 0, my = 0;
        for (var i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0) return new LinearFit(double.NaN, double.NaN, double.NaN, 1, n);
        var slope = sxy / sxx;
        var intercept = my - slope * mx;
        var r2 = syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        if (n < 3) return new LinearFit(slope, intercept, r2, 1, n);
        var residual = Math.Max(0, syy - slope * sxy);
        var standardError = Math.Sqrt(residual / (n - 2) / sxx);
        var p = standardError == 0 ? (slope == 0 ? 1 : 0) : Tests.TwoSidedP(slope / standardError, n - 2);
        return new LinearFit(slope, intercept, r2, p, n);
    }
}
