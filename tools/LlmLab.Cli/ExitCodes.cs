namespace LlmLab.Cli;

/// <summary>The process exit codes CI scripts rely on (docs/cli.md lists them).</summary>
public static class ExitCodes
{
    public const int Passed = 0;
    public const int GateFailed = 1;
    public const int UsageOrConfig = 2;
    public const int PlatformOrRun = 3;
}
