namespace LlmLab.Evaluation.Datasets;

public enum DatasetFormat
{
    Json,
    Jsonl,
    Csv,
}

public static class DatasetFormats
{
    /// <summary>The format a file name says, else what its first character suggests ('[' JSON, '{' JSON or JSONL, else CSV).</summary>
    public static DatasetFormat Detect(string? fileName, string text)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (extension is ".jsonl" or ".ndjson") return DatasetFormat.Jsonl;
        if (extension == ".csv") return DatasetFormat.Csv;
        if (extension == ".json") return DatasetFormat.Json;
        var first = text.TrimStart().FirstOrDefault();
        if (first == '[') return DatasetFormat.Json;
        if (first != '{') return DatasetFormat.Csv;
        // One object per line is JSONL; one object over many lines (or {"items": …}) is JSON.
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 1 && lines.All(l => l.StartsWith('{') && l.EndsWith('}')) ? DatasetFormat.Jsonl : DatasetFormat.Json;
    }
}
