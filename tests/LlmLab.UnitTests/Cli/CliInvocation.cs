using LlmLab.Cli;

namespace LlmLab.UnitTests.Cli;

/// <summary>Runs <c>llmlab</c> in-process with its own streams, environment and settings file; answers the exit code and both outputs.</summary>
public sealed class CliInvocation : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("llmlab-cli-").FullName;
    public Dictionary<string, string> Environment { get; } = new();
    public string SettingsPath => Path.Combine(Directory, "config", "llmlab", "config.yaml");
    public string Stdin { get; set; } = "";

    public string Write(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    public async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var stdout = new MemoryStream();
        var context = new CliContext(output, error, new StringReader(Stdin), name => Environment.GetValueOrDefault(name), SettingsPath, interactive: false,
            () => stdout);
        var exit = await CliApp.RunAsync(args, context);
        return (exit, output + System.Text.Encoding.UTF8.GetString(stdout.ToArray()), error.ToString());
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
