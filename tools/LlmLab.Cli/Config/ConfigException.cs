namespace LlmLab.Cli.Config;

/// <summary>A run file or command line that cannot be used; each error names the field (and file:line:column when known).</summary>
public sealed class ConfigException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;

    public ConfigException(string error) : this([error]) { }
}
