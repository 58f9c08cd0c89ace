using System.Globalization;
using System.Net;
using System.Text;

namespace LlmLab.Training.Reports;

/// <summary>The report as one HTML page with its loss chart as inline SVG (no script, no external resource).</summary>
public static class HtmlReport
{
    private const double PlotWidth = 640, PlotHeight = 260, Margin = 48;

    public static string Render(TrainingReport r)
    {
        var html = new StringBuilder();
        html.Append($"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Training report: {E(r.Name)}</title>");
        html.Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}")
            .Append("td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}pre{background:#f6f6f6;padding:.6rem;white-space:pre-wrap}</style></head><body>");
        html.Append($"<h1>Training report: {E(r.Name)}</h1><p>Model <code>{E(r.Model)}</code>, status <b>{E(r.Status)}</b>.</p>");
        html.Append("<table>");
        foreach (var (label, value) in ReportFacts.Of(r)) html.Append($"<tr><th>{E(label)}</th><td>{E(value)}</td></tr>");
        html.Append("</table><h2>Loss</h2>").Append(Svg(r));
        html.Append("<h2>Sample generations</h2>");
        if (r.Samples.Count == 0) html.Append("<p>None yet: samples are generated when training completes.</p>");
        foreach (var s in r.Samples) html.Append($"<p>Prompt: <code>{E(s.Prompt)}</code></p><pre>{E(s.Prompt)}{E(s.Text)}</pre>");
        return html.Append("</body></html>").ToString();
    }

    public static string Svg(TrainingReport r)
    {
        var chart = new LossChart(r, PlotWidth, PlotHeight);
        double X(double x) => Margin + x;
        double Y(double y) => Margin / 2 + PlotHeight - y;
        string Points(IEnumerable<(double X, double Y)> points) => string.Join(' ', points.Select(p => $"{F(X(p.X))},{F(Y(p.Y))}"));
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(PlotWidth + 2 * Margin)}\" height=\"{F(PlotHeight + 2 * Margin)}\" role=\"img\" aria-label=\"Training and held-out loss\">");
        svg.Append($"<line x1=\"{F(X(0))}\" y1=\"{F(Y(0))}\" x2=\"{F(X(PlotWidth))}\" y2=\"{F(Y(0))}\" stroke=\"#444\"/>");
        svg.Append($"<line x1=\"{F(X(0))}\" y1=\"{F(Y(0))}\" x2=\"{F(X(0))}\" y2=\"{F(Y(PlotHeight))}\" stroke=\"#444\"/>");
        svg.Append($"<text x=\"{F(X(0) - 4)}\" y=\"{F(Y(0))}\" font-size=\"11\" text-anchor=\"end\">{F(chart.MinLoss)}</text>");
        svg.Append($"<text x=\"{F(X(0) - 4)}\" y=\"{F(Y(PlotHeight) + 8)}\" font-size=\"11\" text-anchor=\"end\">{F(chart.MaxLoss)}</text>");
        svg.Append($"<text x=\"{F(X(PlotWidth))}\" y=\"{F(Y(0) + 16)}\" font-size=\"11\" text-anchor=\"end\">step {chart.MaxStep}</text>");
        if (chart.Train.Count > 0) svg.Append($"<polyline class=\"train\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"{Points(chart.Train)}\"/>");
        if (chart.Holdout.Count > 0)
        {
            svg.Append($"<polyline class=\"holdout\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"2\" points=\"{Points(chart.Holdout)}\"/>");
            foreach (var p in chart.Holdout) svg.Append($"<circle cx=\"{F(X(p.X))}\" cy=\"{F(Y(p.Y))}\" r=\"3\" fill=\"#d62728\"/>");
        }
        svg.Append($"<text x=\"{F(X(8))}\" y=\"{F(Margin / 2 + 12)}\" font-size=\"12\" fill=\"#1f77b4\">training loss (per step)</text>");
        svg.Append($"<text x=\"{F(X(8))}\" y=\"{F(Margin / 2 + 28)}\" font-size=\"12\" fill=\"#d62728\">held-out loss (per epoch)</text>");
        return svg.Append("</svg>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
