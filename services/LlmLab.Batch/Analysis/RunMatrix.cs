using System.Globalization;

namespace LlmLab.Batch.Analysis;

/// <summary>One response reduced to what a matrix cell shows: its grid values, the start of its text, its scores and latency.</summary>
public sealed record MatrixResponse(Guid ResponseId, int Repetition, int CombinationIndex, IReadOnlyDictionary<string, string> Values, string Excerpt,
    IReadOnlyDictionary<string, double> Metrics, double LatencyMs);

/// <summary>A cell: the first repetition's response and text, how many responses, and the mean of every metric over them.</summary>
public sealed record MatrixCell(Guid ResponseId, string Excerpt, int Responses, double LatencyMs, IReadOnlyDictionary<string, double> Means);

/// <summary>A row: its values of the row dimensions and one cell per column value (null where the grid has no response).</summary>
public sealed record MatrixRow(IReadOnlyDictionary<string, string> Values, IReadOnlyList<MatrixCell?> Cells);

/// <summary>
/// A run's responses as a table like promptfoo's viewer: the columns are the values of one grid dimension (models, say),
/// the rows every combination of the other dimensions that vary (prompts × parameter sets); repetitions share a cell.
/// </summary>
public static class RunMatrix
{
    public static readonly string[] Dimensions = ["prompt", "model", "temperature", "top_p", "max_tokens", "frequency_penalty", "presence_penalty"];
    private static readonly HashSet<string> Textual = ["prompt", "model"];

    public static string Value(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Distinct values per dimension: text in grid order (first combination first), numbers ascending.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ValuesOf(IReadOnlyList<MatrixResponse> responses) =>
        Dimensions.ToDictionary(d => d, d => (IReadOnlyList<string>)(Textual.Contains(d)
            ? responses.OrderBy(r => r.CombinationIndex).Select(r => r.Values[d]).Distinct().ToList()
            : responses.Select(r => r.Values[d]).Distinct().OrderBy(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList()));

    /// <summary>The dimension the columns show when none is asked: models, else prompts, else the first parameter that varies.</summary>
    public static string DefaultColumns(IReadOnlyDictionary<string, IReadOnlyList<string>> values) =>
        Dimensions.FirstOrDefault(d => values[d].Count > 1) ?? "model";

    public static (IReadOnlyList<string> RowDimensions, IReadOnlyList<string> ColumnValues, IReadOnlyList<MatrixRow> Rows) Build(
        IReadOnlyList<MatrixResponse> responses, string columns)
    {
        var values = ValuesOf(responses);
        var rowDimensions = Dimensions.Where(d => d != columns && values[d].Count > 1).ToList();
        var columnValues = values[columns];
        var rank = Dimensions.ToDictionary(d => d, d => values[d].Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i));
        var rows = responses
            .GroupBy(r => string.Join('\u001f', rowDimensions.Select(d => r.Values[d])))
            .OrderBy(g => g.First().Values, Comparer<IReadOnlyDictionary<string, string>>.Create((a, b) =>
                rowDimensions.Select(d => rank[d][a[d]].CompareTo(rank[d][b[d]])).FirstOrDefault(c => c != 0)))
            .Select(g => new MatrixRow(
                rowDimensions.ToDictionary(d => d, d => g.First().Values[d]),
                columnValues.Select(c => Cell(g.Where(r => r.Values[columns] == c).ToList())).ToList()))
            .ToList();
        return (rowDimensions, columnValues, rows);
    }

    private static MatrixCell? Cell(List<MatrixResponse> responses)
    {
        if (responses.Count == 0) return null;
        var first = responses.OrderBy(r => r.Repetition).ThenBy(r => r.CombinationIndex).First();
        var means = responses.SelectMany(r => r.Metrics).Where(m => double.IsFinite(m.Value)).GroupBy(m => m.Key)
            .ToDictionary(g => g.Key, g => Math.Round(g.Average(m => m.Value), 4));
        return new MatrixCell(first.ResponseId, first.Excerpt, responses.Count, Math.Round(responses.Average(r => r.LatencyMs), 1), means);
    }
}
