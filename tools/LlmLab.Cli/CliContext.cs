using LlmLab.Cli.Platform;
using LlmLab.Cli.Running;
using Spectre.Console;

namespace LlmLab.Cli;

/// <summary>What a command reads and writes: the streams, the environment and the settings file (replaced in tests).</summary>
public sealed class CliContext(TextWriter output, TextWriter error, TextReader input, Func<string, string?> environment, string settingsPath,
    bool interactive, Func<Stream> openStandardOutput)
{
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;
    public TextReader Input { get; } = input;
    public Func<string, string?> Environment { get; } = environment;
    public string SettingsPath { get; } = settingsPath;

    /// <summary>Both stdout and stderr are terminals: a live progress bar and prompts are possible.</summary>
    public bool Interactive { get; } = interactive;

    public Func<Stream> OpenStandardOutput { get; } = openStandardOutput;

    public IAnsiConsole Out { get; } = ConsoleOn(output, interactive);
    public IAnsiConsole Err { get; } = ConsoleOn(error, interactive);

    public static CliContext FromProcess() => new(Console.Out, Console.Error, Console.In, System.Environment.GetEnvironmentVariable,
        CliSettingsFile.DefaultPath(), !Console.IsOutputRedirected && !Console.IsErrorRedirected, Console.OpenStandardOutput);

    public IProgressDisplay Progress() => Interactive ? new LiveProgress(Err) : new LineProgress(Error);

    public PlatformClient Client() => PlatformClient.Create(Connection.Resolve(Environment, SettingsPath));

    private static IAnsiConsole ConsoleOn(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // Logs keep a table on one line per row instead of wrapping at the default 80 columns.
        if (!interactive) console.Profile.Width = 240;
        return console;
    }
}
