namespace LlmLab.Quality;

/// <summary>What one scoring call may carry.</summary>
public static class QualityLimits
{
    public const int MaxTextLength = 1_000_000;
    public const int MaxBatchSize = 1_000;
}
