using System.Text.RegularExpressions;
using LlmLab.UnitTests.Deploy;

namespace LlmLab.UnitTests.Messaging;

/// <summary>
/// MassTransit's kebab-case formatter names a consumer's queue after its class alone, so two services with a consumer
/// class of the same name share one queue and take each other's messages (a user erasure once went to the wrong
/// service this way). Every consumer class name must be unique across the services.
/// </summary>
public sealed partial class ConsumerEndpointNameTests
{
    [Fact]
    public void Every_consumer_class_name_is_unique_across_services()
    {
        var services = Path.Combine(RenderedOverlay.RepoRoot, "services");
        var consumers = Directory.EnumerateFiles(services, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => ConsumerClass().Matches(File.ReadAllText(f)).Select(m => (Name: m.Groups[1].Value, File: Path.GetRelativePath(services, f))))
            .ToList();

        Assert.True(consumers.Count >= 10, $"only {consumers.Count} consumer classes found: the scan is broken");
        var shared = consumers.GroupBy(c => c.Name).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.File))}").ToList();
        Assert.True(shared.Count == 0, "consumer classes that would share a queue:\n" + string.Join('\n', shared));
    }

    [GeneratedRegex(@"class\s+(\w+)\s*(?:\([^)]*\))?\s*:\s*IConsumer<", RegexOptions.Singleline)]
    private static partial Regex ConsumerClass();
}
