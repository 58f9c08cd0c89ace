namespace LlmLab.Analytics.Analysis;

/// <summary>
/// Pearson's r from sufficient statistics: n, the sums of x, x², y, y² and xy. Rollups hold them per grain (x is constant
/// within a grain), so a tenant-wide r needs no raw rows. Null when either side did not vary, as PostgreSQL's corr().
/// </summary>
public sealed record PearsonSums(long N, double SumX, double SumXX, double SumY, double SumYY, double SumXY, bool XConstant, bool YConstant)
{
    public double? R
    {
        get
        {
            if (N < 2 || XConstant || YConstant) return null;
            var sxx = N * SumXX - SumX * SumX;
            var syy = N * SumYY - SumY * SumY;
            if (sxx <= 0 || syy <= 0) return null;
            return Math.Clamp((N * SumXY - SumX * SumY) / Math.Sqrt(sxx * syy), -1, 1);
        }
    }
}
