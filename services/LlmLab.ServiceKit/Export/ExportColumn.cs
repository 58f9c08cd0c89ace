namespace LlmLab.ServiceKit.Export;

public enum ColumnKind
{
    Text,
    /// <summary>Free text a spreadsheet must never run as a formula (responses, prompts).</summary>
    UserText,
    Number,
    WholeNumber,
    Timestamp,
}

/// <summary>A column of a tabular export. Row values are string, double?, long?/int? or DateTimeOffset? according to the kind.</summary>
public sealed record ExportColumn(string Name, ColumnKind Kind);
