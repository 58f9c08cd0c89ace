namespace LlmLab.ServiceKit.Statistics;

/// <summary>
/// McNemar's exact test for paired binary outcomes: under the null hypothesis each discordant pair is equally likely to
/// favour either side, so the smaller discordant count is Binomial(b + c, ½) and the two-sided p doubles its tail.
/// </summary>
public static class McNemar
{
    public static double ExactP(int onlyA, int onlyB)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(onlyA);
        ArgumentOutOfRangeException.ThrowIfNegative(onlyB);
        var n = onlyA + onlyB;
        if (n == 0) return 1;
        var k = Math.Min(onlyA, onlyB);
        return Math.Min(1, 2 * (n <= 1000 ? Tail(n, k) : Math.Exp(LogTail(n, k))));
    }

    /// <summary>Σ C(n, i)/2ⁿ for i ≤ k by the recurrence term(i+1) = term(i)·(n−i)/(i+1); exact enough while 2⁻ⁿ is representable.</summary>
    private static double Tail(int n, int k)
    {
        var term = Math.Pow(0.5, n);
        double tail = 0;
        for (var i = 0; i <= k; i++)
        {
            tail += term;
            term = term * (n - i) / (i + 1);
        }
        return tail;
    }

    /// <summary>The same sum in log space (log-sum-exp), for n where 2⁻ⁿ underflows.</summary>
    private static double LogTail(int n, int k)
    {
        var logTerm = -n * Math.Log(2);
        var logTail = double.NegativeInfinity;
        for (var i = 0; i <= k; i++)
        {
            var high = Math.Max(logTail, logTerm);
            logTail = high + Math.Log(Math.Exp(logTail - high) + Math.Exp(logTerm - high));
            logTerm += Math.Log(n - i) - Math.Log(i + 1);
        }
        return logTail;
    }
}
