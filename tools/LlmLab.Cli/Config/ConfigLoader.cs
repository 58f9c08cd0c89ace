using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LlmLab.Cli.Config;

/// <summary>Loads and validates a run file (docs/cli.md "Run files"); every error names the field and its file:line:column.</summary>
public static class ConfigLoader
{
    public const int DefaultTimeoutSeconds = 900;

    public static RunConfig Load(string path)
    {
        if (!System.IO.File.Exists(path)) throw new ConfigException($"{path}: no such file.");
        return Parse(System.IO.File.ReadAllText(path), path);
    }

    public static RunConfig Parse(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ConfigException(YamlSection.At(file, e.Start, "yaml", e.Message));
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this (without a position) for some input cut short, such as an unclosed [.
            throw new ConfigException($"{file}: yaml: not valid YAML ({e.Message}); check for an unclosed bracket or quote.");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new ConfigException($"{file}: must be a YAML mapping with kind: experiment or kind: evaluation.");

        var errors = new List<string>();
        var top = new YamlSection(file, root, "", errors);
        var kind = top.RequiredString("kind", "experiment or evaluation");
        RunConfig? config = kind switch
        {
            "experiment" => ExperimentReader.Read(top, file),
            "evaluation" => EvaluationReader.Read(top, file),
            null => null,
            _ => Unknown(top, kind),
        };
        if (errors.Count > 0 || config is null) throw new ConfigException(errors);
        return config;
    }

    private static RunConfig? Unknown(YamlSection top, string kind)
    {
        top.Fail(top.Find("kind")!, "kind", $"must be experiment or evaluation (got '{kind}').");
        return null;
    }

    internal static TimeSpan Timeout(YamlSection top) =>
        TimeSpan.FromSeconds(top.WholeNumber("timeout_seconds", 1, 86_400) ?? DefaultTimeoutSeconds);
}
