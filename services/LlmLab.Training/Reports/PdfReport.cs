using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace LlmLab.Training.Reports;

/// <summary>The report as a PDF (PdfPig's writer): the key figures, the loss chart drawn with lines, the samples.</summary>
public static class PdfReport
{
    private const double Left = 50, ChartWidth = 480, ChartHeight = 200;

    public static byte[] Render(TrainingReport r)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var page = builder.AddPage(PageSize.A4);
        var y = 800.0;
        page.AddText(Clean($"Training report: {r.Name}"), 16, new PdfPoint(Left, y), bold);
        y -= 20;
        page.AddText(Clean($"Model {r.Model}, status {r.Status}"), 10, new PdfPoint(Left, y), font);
        foreach (var (label, value) in ReportFacts.Of(r))
        {
            y -= 15;
            page.AddText(Clean($"{label}: {value}"), 8, new PdfPoint(Left, y), font);
        }
        y -= 30;
        page.AddText("Loss (blue: training per step; red: held-out per epoch)", 11, new PdfPoint(Left, y), bold);
        y -= ChartHeight + 15;
        DrawChart(page, font, r, y);
        y -= 40;
        page.AddText("Sample generations", 11, new PdfPoint(Left, y), bold);
        foreach (var sample in r.Samples)
        {
            foreach (var line in Wrap(Clean(sample.Prompt + sample.Text), 100).Take(4))
            {
                y -= 12;
                if (y < 40) break;
                page.AddText(line, 8, new PdfPoint(Left, y), font);
            }
            y -= 6;
        }
        return builder.Build();
    }

    private static void DrawChart(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, TrainingReport r, double bottom)
    {
        var chart = new LossChart(r, ChartWidth, ChartHeight);
        PdfPoint At((double X, double Y) p) => new(Left + p.X, bottom + p.Y);
        page.SetStrokeColor(68, 68, 68);
        page.DrawLine(At((0, 0)), At((ChartWidth, 0)));
        page.DrawLine(At((0, 0)), At((0, ChartHeight)));
        page.AddText(chart.MinLoss.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), 7, new PdfPoint(Left - 20, bottom), font);
        page.AddText(chart.MaxLoss.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), 7, new PdfPoint(Left - 20, bottom + ChartHeight - 7), font);
        page.AddText($"step {chart.MaxStep}", 7, new PdfPoint(Left + ChartWidth - 40, bottom - 10), font);
        Polyline(page, chart.Train, At, 31, 119, 180, 1);
        Polyline(page, chart.Holdout, At, 214, 39, 40, 2);
        page.ResetColor();
    }

    private static void Polyline(PdfPageBuilder page, IReadOnlyList<(double X, double Y)> points, Func<(double X, double Y), PdfPoint> at,
        byte red, byte green, byte blue, double width)
    {
        page.SetStrokeColor(red, green, blue);
        for (var i = 1; i < points.Count; i++) page.DrawLine(at(points[i - 1]), at(points[i]), width);
    }

    /// <summary>The standard fonts encode WinAnsi only: other characters are replaced, control characters dropped.</summary>
    private static string Clean(string text) =>
        new(text.Select(c => c is '\n' or '\r' or '\t' ? ' ' : c).Where(c => c >= ' ').Select(c => c <= '~' ? c : '?').ToArray());

    private static IEnumerable<string> Wrap(string text, int width)
    {
        for (var i = 0; i < text.Length; i += width) yield return text.Substring(i, Math.Min(width, text.Length - i));
    }
}
