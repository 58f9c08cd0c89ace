using System.Text.RegularExpressions;

namespace LlmLab.Evaluation.Agent;

/// <summary>One model turn of the ReAct text protocol: a thought, then either an action with its input or a final answer.</summary>
public sealed record ReActTurn(string? Thought, string? Action, string? ActionInput, string? FinalAnswer);

/// <summary>
/// Reads a ReAct turn. Actions are accepted as <c>Action: tool[input]</c>, <c>Action: tool(input)</c>, <c>Action: tool: input</c>
/// or <c>Action: tool</c> followed by <c>Action Input: input</c>. Whatever comes after the first action is ignored (the
/// model is not allowed to invent its own observation).
/// </summary>
public static partial class ReActParser
{
    [GeneratedRegex(@"final\s+answer\s*[:：]\s*(?<a>[^\n]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FinalAnswer();

    [GeneratedRegex(@"thought\s*[:：]\s*(?<t>[^\n]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Thought();

    [GeneratedRegex(@"action\s*[:：]\s*(?<name>[A-Za-z_]+)[ \t]*(?:\[(?<in>[^\]\n]*)\]|\((?<in>[^)\n]*)\)|[:：]\s*(?<in>[^\n]*))?(?:[^\n]*\n\s*action\s+input\s*[:：]\s*(?<in2>[^\n]*))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Action();

    public static ReActTurn Parse(string output)
    {
        var observation = output.IndexOf("Observation:", StringComparison.OrdinalIgnoreCase);
        if (observation >= 0) output = output[..observation];
        var thought = Thought().Match(output) is { Success: true } t ? t.Groups["t"].Value.Trim() : null;
        var action = Action().Match(output);
        var final = FinalAnswer().Match(output);
        if (action.Success && (!final.Success || action.Index < final.Index))
        {
            var input = action.Groups["in"].Success && action.Groups["in"].Value.Trim().Length > 0 ? action.Groups["in"].Value : action.Groups["in2"].Value;
            return new ReActTurn(thought, action.Groups["name"].Value.ToLowerInvariant(), input.Trim().Trim('"', '\''), null);
        }
        if (final.Success) return new ReActTurn(thought, null, null, final.Groups["a"].Value.Trim());
        return new ReActTurn(thought, null, null, null);
    }
}
