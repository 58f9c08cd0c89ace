namespace LlmLab.Bench.Platform;

/// <summary>
/// Every process of the platform — the AppHost and all it started, PostgreSQL's backends, RabbitMQ's and Redis's
/// included — read from /proc: CPU time and proportional set size (PSS, shared pages split among their users).
/// </summary>
public sealed class PlatformProcesses(int appHostPid, Func<IEnumerable<(string Name, int Pid)>> resources)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>
    /// CPU seconds the platform has used: its live processes' own time and the time of the children they reaped. PostgreSQL
    /// daemonises away from the AppHost's tree, so every resource's own subtree is added (each process counted once).
    /// </summary>
    public double CpuSeconds() => Everything().Sum(ProcessCpuSeconds);

    /// <summary>CPU seconds of the subtree of each given process (a service, PostgreSQL with its backends…).</summary>
    public Dictionary<string, double> CpuSecondsBy(IEnumerable<(string Name, int Pid)> resources) =>
        resources.ToDictionary(r => r.Name, r => CpuSeconds(r.Pid));

    private static double CpuSeconds(int root) => Tree(root).Sum(ProcessCpuSeconds);

    private static double ProcessCpuSeconds(int pid)
    {
        var fields = StatFields(pid);
        // utime, stime, cutime, cstime (fields 14–17; after the command name they are at 11–14).
        return fields is null ? 0 : (long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14])) / TicksPerSecond;
    }

    private HashSet<int> Everything()
    {
        var children = Children();
        return [.. Tree(appHostPid, children).Concat(resources().SelectMany(r => Tree(r.Pid, children)))];
    }

    public double PssMiB() => Everything().Sum(PssMiB);

    /// <summary>
    /// PSS of each resource's subtree and of the AppHost's own tree (what no resource's subtree holds), each process read
    /// once, so the parts add up to the platform's total of the same instant.
    /// </summary>
    public Dictionary<string, double> PssMiBByWithAppHost()
    {
        var children = Children();
        var parts = resources().ToDictionary(r => r.Name, r => Tree(r.Pid, children).ToDictionary(pid => pid, PssMiB));
        var counted = parts.Values.SelectMany(p => p.Keys).ToHashSet();
        var result = parts.ToDictionary(p => p.Key, p => p.Value.Values.Sum());
        result["apphost"] = Tree(appHostPid, children).Where(pid => !counted.Contains(pid)).Sum(PssMiB);
        return result;
    }

    /// <summary>PSS of the subtree of each given process (a service, PostgreSQL with its backends…).</summary>
    public static Dictionary<string, double> PssMiBBy(IEnumerable<(string Name, int Pid)> resources)
    {
        var children = Children();
        return resources.ToDictionary(r => r.Name, r => Tree(r.Pid, children).Sum(PssMiB));
    }

    private static double PssMiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
        }
        catch (IOException)
        {
            return 0; // exited meanwhile
        }
    }

    public int Count() => Everything().Count;

    private static List<int> Tree(int root) => Tree(root, Children());

    /// <summary>Every live process's children, from one pass over /proc.</summary>
    private static Dictionary<int, List<int>> Children()
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || StatFields(pid) is not { } fields) continue;
            var parent = int.Parse(fields[1]);
            if (!children.TryGetValue(parent, out var list)) children[parent] = list = [];
            list.Add(pid);
        }
        return children;
    }

    private static List<int> Tree(int root, Dictionary<int, List<int>> children)
    {
        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            if (children.TryGetValue(tree[i], out var list)) tree.AddRange(list);
        }
        return tree;
    }

    /// <summary>The fields of /proc/pid/stat after the command name (state first), or null when the process is gone.</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
