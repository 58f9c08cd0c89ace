using System.CommandLine;

namespace LlmLab.Cli.Commands;

/// <summary>The shared <c>--output</c> option: the formats a command accepts, table first (the default).</summary>
public static class OutputOption
{
    public static Option<string> Create(params string[] formats)
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = $"Output format: {string.Join(", ", formats)}.",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }
}
