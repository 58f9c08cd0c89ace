namespace LlmLab.Evaluation.Agent;

/// <summary>The stuck rule of both agent protocols: the same tool with the same input (case and spaces aside) a third time.</summary>
public sealed class RepeatGuard
{
    public const int RepeatLimit = 3;
    private readonly Dictionary<(string, string), int> _seen = [];

    /// <summary>Counts the action; true when it has now been asked for <see cref="RepeatLimit"/> times.</summary>
    public bool IsStuck(string tool, string input)
    {
        var key = (tool, input.Trim().ToLowerInvariant());
        _seen[key] = _seen.GetValueOrDefault(key) + 1;
        return _seen[key] >= RepeatLimit;
    }
}
