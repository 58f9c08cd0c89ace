using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace LlmLab.Cli.Platform;

/// <summary>
/// ~/.config/llmlab/config.yaml (or $XDG_CONFIG_HOME/llmlab/config.yaml): the gateway URL and API key that
/// <c>llmlab login</c> stores. The file is created readable by its owner only (0600), since it holds a key.
/// </summary>
public static class CliSettingsFile
{
    public sealed class Stored
    {
        public string? Url { get; set; }
        public string? ApiKey { get; set; }
    }

    public static string DefaultPath()
    {
        var root = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(root, "llmlab", "config.yaml");
    }

    public static Stored? Read(string path)
    {
        if (!File.Exists(path)) return null;
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
        return deserializer.Deserialize<Stored?>(File.ReadAllText(path));
    }

    public static void Write(string path, Stored settings)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var yaml = new SerializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Serialize(settings);
        var temporary = path + ".tmp";
        File.Delete(temporary);
        // Created with 0600 from the first byte; an existing file's wider mode is narrowed by the replace.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(yaml);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
