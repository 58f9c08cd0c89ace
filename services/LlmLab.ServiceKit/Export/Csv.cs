using System.Globalization;
using System.Text;

namespace LlmLab.ServiceKit.Export;

/// <summary>RFC 4180 fields; text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with '.</summary>
public static class Csv
{
    public static string Field(string? value, bool text = false)
    {
        if (value is null) return "";
        if (text && value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Field(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    public static string Line(IEnumerable<string> fields) => new StringBuilder().AppendJoin(',', fields).Append("\r\n").ToString();
}
