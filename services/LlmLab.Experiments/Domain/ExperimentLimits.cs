using System.ComponentModel.DataAnnotations;

namespace LlmLab.Experiments.Domain;

/// <summary>Limits on what one experiment may ask for.</summary>
public sealed class ExperimentLimits
{
    /// <summary>Combinations × repetitions allowed in one run.</summary>
    [Range(1, 10_000_000)]
    public int MaxCallsPerRun { get; set; } = 10_000;
}
