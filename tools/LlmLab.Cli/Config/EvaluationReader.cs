using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace LlmLab.Cli.Config;

/// <summary>kind: evaluation — a dataset (a shipped or uploaded one, or a file pushed first) × methods on one model.</summary>
internal static class EvaluationReader
{
    private static readonly string[] Fields =
    [
        "kind", "name", "dataset", "dataset_file", "dataset_version", "sample_size", "seed", "methods", "provider", "model",
        "parameters", "gates", "timeout_seconds",
    ];

    public static EvaluationConfig? Read(YamlSection top, string file)
    {
        top.RejectUnknown(Fields);
        var name = top.RequiredString("name", "the evaluation's name.");
        var dataset = top.Text("dataset");
        var datasetFile = top.Text("dataset_file");
        if (dataset is null == datasetFile is null)
            top.Fail(top.Find("dataset_file") ?? top.Node, "dataset", "give exactly one of dataset (a name or id) and dataset_file (a file to push).");
        if (datasetFile is not null)
        {
            // Relative to the run file, so CI can run it from any directory.
            datasetFile = Path.GetFullPath(datasetFile, Path.GetDirectoryName(Path.GetFullPath(file))!);
            if (!System.IO.File.Exists(datasetFile)) top.Fail(top.Find("dataset_file")!, "dataset_file", $"no such file: {datasetFile}.");
        }
        var methods = Methods(top);
        var parameters = top.Section("parameters");
        parameters?.RejectUnknown("temperature", "top_p", "max_tokens", "seed");
        var config = new EvaluationConfig(file, name?.Trim() ?? "", dataset?.Trim(), datasetFile, (int?)top.WholeNumber("dataset_version", 1, int.MaxValue),
            (int?)top.WholeNumber("sample_size", 1, 1_000_000), (int?)top.WholeNumber("seed", int.MinValue, int.MaxValue), methods,
            ExperimentReader.Provider(top), top.Text("model") ?? "", parameters?.Number("temperature", 0, 2), parameters?.Number("top_p", 0.01, 1),
            (int?)parameters?.WholeNumber("max_tokens", 1, 32_768), parameters?.WholeNumber("seed"), GateReader.Read(top, forEvaluation: true),
            ConfigLoader.Timeout(top));
        if (config.Gates is { } gates)
            foreach (var check in gates.Checks.Where(c => c.Method is not null && methods.All(m => (m.Label ?? m.Method) != c.Method)))
                top.Fail(top.Find("gates")!, "gates", $"the check '{check}' names method '{check.Method}', which the evaluation does not run.");
        return name is null ? null : config;
    }

    /// <summary><c>methods: [naive, cot]</c> or a list of <c>{method, label?, options?}</c>.</summary>
    private static List<MethodConfig> Methods(YamlSection top)
    {
        var methods = new List<MethodConfig>();
        if (top.Find("methods") is null)
        {
            top.Missing("methods", $"a list of methods ({string.Join(", ", EvaluationMetrics.Methods)}).");
            return methods;
        }
        if (top.Sequence("methods") is not { } list) return methods;
        if (list.Children.Count == 0) top.Fail(list, "methods", "must name at least one method.");
        for (var i = 0; i < list.Children.Count; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"methods[{i}]");
            var node = list.Children[i];
            if (node is YamlScalarNode { Value: { } plain })
            {
                if (Known(top, node, field, plain)) methods.Add(new MethodConfig(plain, null, null, null, null, null));
                continue;
            }
            if (node is not YamlMappingNode map)
            {
                top.Fail(node, field, "must be a method name or {method, label?, options?}.");
                continue;
            }
            var entry = top.SectionOf(map, field);
            entry.RejectUnknown("method", "label", "options");
            var method = entry.RequiredString("method", $"one of {string.Join(", ", EvaluationMetrics.Methods)}.");
            var options = entry.Section("options");
            options?.RejectUnknown("top_k", "chunk_size", "collection", "max_steps");
            if (method is not null && Known(top, entry.Find("method")!, $"{field}.method", method))
                methods.Add(new MethodConfig(method, entry.Text("label"), (int?)options?.WholeNumber("top_k", 1, 100), (int?)options?.WholeNumber("chunk_size", 1, 100_000),
                    options?.Text("collection"), (int?)options?.WholeNumber("max_steps", 1, 50)));
        }
        return methods;
    }

    private static bool Known(YamlSection top, YamlNode node, string field, string method)
    {
        if (EvaluationMetrics.Methods.Contains(method)) return true;
        top.Fail(node, field, $"must be one of {string.Join(", ", EvaluationMetrics.Methods)} (got '{method}').");
        return false;
    }
}
