using System.Diagnostics;

namespace LlmLab.IntegrationTests.Platform;

/// <summary>What is still running of a stopped platform: its processes by pid, and any process naming its data folder.</summary>
public static class ProcessProbe
{
    /// <summary>A zombie (exited, not yet reaped by init — daemonised PostgreSQL's parent is init) counts as stopped.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static List<string> ProcessesUsing(string dataDirectory)
    {
        using var pgrep = Process.Start(new ProcessStartInfo("pgrep", ["-af", dataDirectory]) { RedirectStandardOutput = true })!;
        var output = pgrep.StandardOutput.ReadToEnd();
        pgrep.WaitForExit();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.Contains("pgrep", StringComparison.Ordinal)).ToList();
    }
}
