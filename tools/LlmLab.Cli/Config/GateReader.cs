using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace LlmLab.Cli.Config;

/// <summary>
/// <c>gates:</c> — a list of checks (<c>"overall_score &gt;= 60"</c> or <c>{metric, op, value, method?}</c>), or a mapping
/// with <c>checks</c>, <c>no_significant_regression</c>, <c>baseline_run_id</c> and <c>regression_metric</c>.
/// </summary>
internal static class GateReader
{
    public static GateConfig? Read(YamlSection top, bool forEvaluation)
    {
        if (top.Find("gates") is not { } node) return null;
        if (node is YamlSequenceNode list) return new GateConfig(Checks(top, list, "gates", forEvaluation), false, null, null);
        if (top.Section("gates") is not { } gates) return null;
        // An evaluation's baseline is another evaluation (paired by dataset item and method, on exact-match correctness).
        var baselineField = forEvaluation ? "baseline_evaluation_id" : "baseline_run_id";
        gates.RejectUnknown(forEvaluation
            ? ["checks", "no_significant_regression", baselineField]
            : ["checks", "no_significant_regression", baselineField, "regression_metric"]);
        var checks = gates.Sequence("checks") is { } items ? Checks(gates, items, "gates.checks", forEvaluation) : [];
        var regression = gates.Boolean("no_significant_regression") ?? false;
        Guid? baseline = null;
        if (gates.Text(baselineField) is { } text)
        {
            if (Guid.TryParse(text, out var id)) baseline = id;
            else gates.Fail(gates.Find(baselineField)!, $"gates.{baselineField}", $"must be {(forEvaluation ? "an evaluation" : "a run")} id (a UUID).");
        }
        if (checks.Count == 0 && !regression)
            gates.Fail(gates.Node, "gates.checks", "give at least one check (or no_significant_regression: true).");
        return new GateConfig(checks, regression, baseline, gates.Text("regression_metric"));
    }

    private static List<GateCheckConfig> Checks(YamlSection owner, YamlSequenceNode list, string path, bool forEvaluation)
    {
        var checks = new List<GateCheckConfig>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            var check = list.Children[i] switch
            {
                YamlScalarNode scalar => Shorthand(owner, scalar, field),
                YamlMappingNode map => Mapping(owner.SectionOf(map, field), field),
                var other => Fail(owner, other, field, "must be \"metric >= value\" or {metric, op, value}."),
            };
            if (check is null) continue;
            if (forEvaluation && !EvaluationMetrics.All.Contains(check.Metric))
                owner.Fail(list.Children[i], $"{field}.metric", $"an evaluation can check {string.Join(", ", EvaluationMetrics.All)} (got '{check.Metric}').");
            else if (!forEvaluation && check.Method is not null)
                owner.Fail(list.Children[i], $"{field}.method", "only an evaluation's checks name a method.");
            else checks.Add(check);
        }
        return checks;
    }

    private static GateCheckConfig? Shorthand(YamlSection owner, YamlScalarNode scalar, string field)
    {
        var parts = (scalar.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 3) return Fail(owner, scalar, field, "must read \"metric >= value\" or \"metric <= value\".");
        if (!IsOp(parts[1])) return Fail(owner, scalar, $"{field}.op", $"must be >= or <= (got '{parts[1]}').");
        if (!double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            return Fail(owner, scalar, $"{field}.value", $"must be a number (got '{parts[2]}').");
        return new GateCheckConfig(parts[0], parts[1], value, null);
    }

    private static GateCheckConfig? Mapping(YamlSection check, string field)
    {
        check.RejectUnknown("metric", "op", "value", "method");
        var metric = check.RequiredString("metric", "a metric name such as overall_score or latency_p95_ms.");
        var op = check.RequiredString("op", ">= or <=.");
        var value = check.Number("value");
        if (check.Find("value") is null) check.Missing("value", "the threshold, a number.");
        if (op is not null && !IsOp(op)) check.Fail(check.Find("op")!, $"{field}.op", $"must be >= or <= (got '{op}').");
        return metric is null || op is null || !IsOp(op) || value is null ? null : new GateCheckConfig(metric.Trim(), op, value.Value, check.Text("method"));
    }

    private static bool IsOp(string op) => op is ">=" or "<=";

    private static GateCheckConfig? Fail(YamlSection owner, YamlNode node, string field, string message)
    {
        owner.Fail(node, field, message);
        return null;
    }
}
