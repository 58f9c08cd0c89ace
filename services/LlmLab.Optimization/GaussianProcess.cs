using MathNet.Numerics.LinearAlgebra;

namespace LlmLab.Optimization;

/// <summary>
/// A Gaussian process over feature vectors with a Matérn 5/2 kernel of unit signal variance, on standardised targets,
/// where each point has its own noise variance (a mean of n calls: σ²/n). The length scale and σ² are chosen from a
/// small grid by the highest log marginal likelihood.
/// </summary>
public sealed class GaussianProcess
{
    private static readonly double[] LengthScales = [0.1, 0.2, 0.35, 0.6, 1.0, 1.6];
    private static readonly double[] NoiseVariances = [0.01, 0.05, 0.2, 0.5];

    private readonly IReadOnlyList<double[]> _x;
    private readonly Vector<double> _alpha;
    private readonly MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> _cholesky;
    private readonly double _mean;
    private readonly double _scale;

    public double LengthScale { get; }
    public double NoiseVariance { get; }

    private GaussianProcess(IReadOnlyList<double[]> x, Vector<double> alpha, MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> cholesky,
        double mean, double scale, double lengthScale, double noise)
    {
        (_x, _alpha, _cholesky, _mean, _scale, LengthScale, NoiseVariance) = (x, alpha, cholesky, mean, scale, lengthScale, noise);
    }

    /// <param name="x">Feature vectors of the observed points.</param>
    /// <param name="y">Each point's mean target.</param>
    /// <param name="counts">How many observations each mean is over (its noise is σ²/count).</param>
    public static GaussianProcess Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, IReadOnlyList<int> counts)
    {
        var mean = y.Average();
        var spread = Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, y.Count - 1));
        var scale = spread > 1e-9 ? spread : 1;
        var target = Vector<double>.Build.Dense(y.Count, i => (y[i] - mean) / scale);

        GaussianProcess? best = null;
        var bestLikelihood = double.NegativeInfinity;
        foreach (var length in LengthScales)
        {
            var k = Matrix<double>.Build.Dense(x.Count, x.Count, (i, j) => Kernel(x[i], x[j], length));
            foreach (var noise in NoiseVariances)
            {
                var withNoise = k.Clone();
                for (var i = 0; i < x.Count; i++) withNoise[i, i] += noise / Math.Max(1, counts[i]) + 1e-8;
                var cholesky = withNoise.Cholesky();
                var alpha = cholesky.Solve(target);
                var logDet = 0.0;
                for (var i = 0; i < x.Count; i++) logDet += 2 * Math.Log(cholesky.Factor[i, i]);
                var likelihood = -0.5 * target.DotProduct(alpha) - 0.5 * logDet;
                if (likelihood > bestLikelihood)
                {
                    bestLikelihood = likelihood;
                    best = new GaussianProcess(x, alpha, cholesky, mean, scale, length, noise);
                }
            }
        }
        return best!;
    }

    /// <summary>Posterior mean and standard deviation of the latent function at a point, in the targets' units.</summary>
    public (double Mean, double StdDev) Predict(double[] point)
    {
        var k = Vector<double>.Build.Dense(_x.Count, i => Kernel(_x[i], point, LengthScale));
        var mean = k.DotProduct(_alpha);
        var variance = Math.Max(1e-12, 1 - SquaredNormOfForwardSolve(k));
        return (_mean + _scale * mean, _scale * Math.Sqrt(variance));
    }

    /// <summary>|L⁻¹k|² by forward substitution on the Cholesky factor L (the variance the observations explain).</summary>
    private double SquaredNormOfForwardSolve(Vector<double> k)
    {
        var factor = _cholesky.Factor;
        var v = new double[k.Count];
        var sum = 0.0;
        for (var i = 0; i < v.Length; i++)
        {
            var s = k[i];
            for (var j = 0; j < i; j++) s -= factor[i, j] * v[j];
            v[i] = s / factor[i, i];
            sum += v[i] * v[i];
        }
        return sum;
    }

    /// <summary>Matérn 5/2 of the Euclidean distance.</summary>
    public static double Kernel(double[] a, double[] b, double lengthScale)
    {
        var squared = 0.0;
        for (var i = 0; i < a.Length; i++) squared += (a[i] - b[i]) * (a[i] - b[i]);
        var r = Math.Sqrt(5 * squared) / lengthScale;
        return (1 + r + r * r / 3) * Math.Exp(-r);
    }
}
