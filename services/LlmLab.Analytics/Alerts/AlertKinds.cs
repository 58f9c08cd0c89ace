namespace LlmLab.Analytics.Alerts;

/// <summary>The kinds of alert; a webhook subscribes to them as "alert.&lt;kind&gt;".</summary>
public static class AlertKinds
{
    public const string Regression = "regression";
    public const string FailureRate = "failure_rate";
    public const string Budget = "budget";
    public const string Latency = "latency";
    /// <summary>A finished run failed its experiment's quality gate.</summary>
    public const string Gate = "gate";

    public static readonly IReadOnlyList<string> All = [Regression, FailureRate, Budget, Latency, Gate];

    public static string EventOf(string kind) => $"alert.{kind}";
}

/// <summary>An alert's lifecycle: open → acknowledged → resolved, or open → resolved; nothing goes back.</summary>
public static class AlertStatuses
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";

    public static readonly IReadOnlyList<string> All = [Open, Acknowledged, Resolved];

    public static bool CanMove(string from, string to) => (from, to) switch
    {
        (Open, Acknowledged) => true,
        (Open or Acknowledged, Resolved) => true,
        _ => false,
    };
}
