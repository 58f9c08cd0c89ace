namespace LlmLab.AppHost.Publish;

/// <summary>`publish --output DIR`: writes the Kubernetes manifests (like `aspire publish`) instead of running the platform.</summary>
public static class PublishCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "publish";

    public static int Run(string[] args, TextWriter console)
    {
        var index = Array.IndexOf(args, "--output");
        if (index < 0 || index + 1 >= args.Length)
        {
            console.WriteLine("usage: publish --output <folder>   (for example deploy/k8s)");
            return 2;
        }
        var output = Path.GetFullPath(args[index + 1]);
        var files = KustomizeLayout.Files();
        // Files the generator no longer produces would be kept by kustomize only if listed, but would mislead a reader.
        if (Directory.Exists(output))
        {
            foreach (var stale in Directory.EnumerateFiles(output, "*.yaml", SearchOption.AllDirectories)
                         .Where(f => !files.ContainsKey(Path.GetRelativePath(output, f).Replace('\\', '/'))))
            {
                File.Delete(stale);
            }
        }
        foreach (var (path, content) in files)
        {
            var target = Path.Combine(output, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, content);
        }
        console.WriteLine($"Wrote {files.Count} files to {output} (kubectl kustomize {Path.Combine(output, "overlays", "<dev|prod>")}).");
        return 0;
    }
}
