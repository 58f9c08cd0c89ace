using System.ComponentModel.DataAnnotations;

namespace LlmLab.Analytics.Runs;

/// <summary>Settings of <see cref="FinishedRunProcessor"/> (section "Runs").</summary>
public sealed class RunProcessingOptions
{
    public const string Section = "Runs";

    /// <summary>
    /// How long a finished run waits for the rest of its scored responses (they travel on another queue) before its gate
    /// is evaluated with what has arrived; the result then says how many responses it saw.
    /// </summary>
    [Range(0, 3600)]
    public int SettleSeconds { get; set; } = 120;

    [Range(50, 60_000)]
    public int PollMilliseconds { get; set; } = 500;
}
