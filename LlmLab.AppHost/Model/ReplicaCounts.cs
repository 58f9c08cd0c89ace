using System.Globalization;

namespace LlmLab.AppHost.Model;

/// <summary>How many processes of each service the AppHost runs: `--replicas batch=2,llm-integration=2`.</summary>
public sealed class ReplicaCounts
{
    public const string Parameter = "--replicas";
    public const int Maximum = 8;

    /// <summary>
    /// Services of which a second process would be wrong: the gateway is the one address at AppHost:GatewayUrl.
    /// (Knowledge may run several: each replica's BM25 index follows the tenant's index generation in PostgreSQL.)
    /// </summary>
    private static readonly Dictionary<string, string> SingleReplicaOnly = new(StringComparer.Ordinal)
    {
        [PlatformModel.Gateway] = "it is the one entry at AppHost:GatewayUrl; run more gateways behind a load balancer (deploy/k8s does)",
    };

    private readonly IReadOnlyDictionary<string, int> _counts;

    private ReplicaCounts(IReadOnlyDictionary<string, int> counts) => _counts = counts;

    public static ReplicaCounts None { get; } = new(new Dictionary<string, int>());

    public int Of(string service) => _counts.GetValueOrDefault(service, 1);

    /// <summary>Parses "service=count" pairs separated by commas; throws <see cref="ArgumentException"/> naming the parameter.</summary>
    public static ReplicaCounts Parse(string? text, IEnumerable<string> services)
    {
        if (string.IsNullOrWhiteSpace(text)) return None;
        var known = services.ToHashSet(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0)
                throw Invalid($"'{pair}' is not service=count (for example batch=2)");
            var (service, countText) = (parts[0], parts[1]);
            if (!known.Contains(service))
                throw Invalid($"'{service}' is not a service; services: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
            if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > Maximum)
                throw Invalid($"the count for {service} must be a whole number from 1 to {Maximum}, not '{countText}'");
            if (count > 1 && SingleReplicaOnly.TryGetValue(service, out var reason))
                throw Invalid($"{service} runs as one process: {reason}");
            if (!counts.TryAdd(service, count))
                throw Invalid($"{service} is given twice");
        }
        return new ReplicaCounts(counts);
    }

    private static ArgumentException Invalid(string why) => new($"{Parameter}: {why}.");
}
