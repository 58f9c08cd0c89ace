namespace LlmLab.Training.Reports;

/// <summary>
/// The loss chart's geometry, shared by the SVG and the PDF: both curves (training per step, held-out per epoch)
/// mapped into a plot box, the training curve thinned to at most <see cref="MaxPoints"/> points.
/// </summary>
public sealed class LossChart
{
    public const int MaxPoints = 400;

    public LossChart(TrainingReport report, double width, double height)
    {
        (Width, Height) = (width, height);
        var all = report.TrainLoss.Concat(report.HoldoutLoss).ToList();
        MaxStep = Math.Max(1, all.Count == 0 ? 1 : all.Max(p => p.Step));
        MinLoss = all.Count == 0 ? 0 : Math.Floor(all.Min(p => p.Loss) * 10) / 10;
        MaxLoss = all.Count == 0 ? 1 : Math.Ceiling(all.Max(p => p.Loss) * 10) / 10;
        if (MaxLoss <= MinLoss) MaxLoss = MinLoss + 1;
        var stride = Math.Max(1, (int)Math.Ceiling(report.TrainLoss.Count / (double)MaxPoints));
        Train = report.TrainLoss.Where((_, i) => i % stride == 0 || i == report.TrainLoss.Count - 1).Select(Map).ToList();
        Holdout = report.HoldoutLoss.Select(Map).ToList();
    }

    public double Width { get; }
    public double Height { get; }
    public int MaxStep { get; }
    public double MinLoss { get; }
    public double MaxLoss { get; }
    /// <summary>Points in plot coordinates: x right from 0, y up from 0 (the SVG flips y).</summary>
    public IReadOnlyList<(double X, double Y)> Train { get; }
    public IReadOnlyList<(double X, double Y)> Holdout { get; }

    private (double X, double Y) Map(LossPoint p) =>
        (p.Step / (double)MaxStep * Width, (p.Loss - MinLoss) / (MaxLoss - MinLoss) * Height);
}
