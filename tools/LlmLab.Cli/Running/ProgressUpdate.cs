namespace LlmLab.Cli.Running;

/// <summary>One observation of a run's status, as the progress display shows it.</summary>
public sealed record ProgressUpdate(string Status, double Percent, int Done, int Failed, int Total)
{
    public static readonly IReadOnlyList<string> ActiveStatuses = ["pending", "running", "paused"];

    public bool IsFinal => !ActiveStatuses.Contains(Status);

    public override string ToString() =>
        FormattableString.Invariant($"{Status} {Percent:0.#}% ({Done}/{Total} done, {Failed} failed)");
}
