using System.Text.RegularExpressions;

namespace LlmLab.LlmIntegration.Providers.Local.Reading;

/// <summary>One step an agent transcript already holds: the action taken and what it observed (null while pending).</summary>
public sealed record AgentStep(string Tool, string Input, string? Observation);

/// <summary>What a prompt asks of the built-in engine: its question, a context to read, and an agent transcript.</summary>
public sealed partial record PromptLayout(string Question, string? Context, IReadOnlySet<string> Tools, IReadOnlyList<AgentStep> Steps, ToolSyntax Syntax,
    bool EndsWithThought = false)
{
    private static readonly string[] KnownTools = ["calculator", "retrieve", "lookup", "search"];

    [GeneratedRegex(@"^[ \t]*Question[ \t]*:[ \t]*(?<q>[^\r\n]*)", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionLine();

    [GeneratedRegex(@"^[ \t]*(Context|Passage|Passages|Documents|Retrieved(?: \w+)?|Background)[ \t]*:", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContextHeader();

    [GeneratedRegex(@"^[ \t]*Action[ \t]*:[ \t]*(?<tool>\w{1,40})[ \t]*\[(?<input>[^\r\n]*)\][ \t]*\r?$|^[ \t]*Action[ \t]*:[ \t]*(?<tool>\w{1,40})[ \t]*\r?\n[ \t]*Action Input[ \t]*:[ \t]*(?<input>[^\r\n]*)", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActionLine();

    // Numbered passages ("[1] Title: text"), the other common way RAG prompts hold their context.
    [GeneratedRegex(@"^[ \t]*\[\d{1,3}\][ \t]*(?<passage>[^\r\n]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex NumberedPassage();

    [GeneratedRegex(@"^[ \t]*Observation[ \t]*:", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ObservationHeader();

    [GeneratedRegex(@"^[ \t]*(Thought|Action|Action Input|Final Answer|Question)[ \t]*:", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnyStepHeader();

    public bool IsAgent => Tools.Count > 0;

    /// <summary>Reading modes look at this much of a prompt at most (the end, where the question and transcript are).</summary>
    public const int MaxPromptChars = 200_000;

    public static PromptLayout Read(string prompt)
    {
        if (prompt.Length > MaxPromptChars) prompt = prompt[^MaxPromptChars..];
        var questions = QuestionLine().Matches(prompt);
        var lastQuestion = questions.Count > 0 ? questions[^1] : null;
        var question = lastQuestion?.Groups["q"].Value ?? LastParagraph(prompt);
        var questionAt = lastQuestion?.Index ?? prompt.Length;
        var tools = DetectTools(prompt);
        var transcript = lastQuestion is null ? "" : prompt[(lastQuestion.Index + lastQuestion.Length)..];
        return new PromptLayout(
            question.Trim(),
            ContextBefore(prompt, questionAt),
            tools,
            tools.Count > 0 ? ParseSteps(transcript) : [],
            prompt.Contains("Action Input", StringComparison.OrdinalIgnoreCase) ? ToolSyntax.ActionInput
                : prompt.Contains("finish[", StringComparison.OrdinalIgnoreCase) ? ToolSyntax.BracketsWithFinish
                : ToolSyntax.Brackets,
            prompt.TrimEnd().EndsWith("Thought:", StringComparison.OrdinalIgnoreCase));
    }

    private static HashSet<string> DetectTools(string prompt)
    {
        if (!prompt.Contains("Action", StringComparison.OrdinalIgnoreCase) || !prompt.Contains("Observation", StringComparison.OrdinalIgnoreCase)) return new HashSet<string>();
        return KnownTools.Where(t => Regex.IsMatch(prompt, $@"\b{t}\b", RegexOptions.IgnoreCase)).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static string? ContextBefore(string prompt, int questionAt)
    {
        var headers = ContextHeader().Matches(prompt[..questionAt]);
        if (headers.Count == 0)
        {
            // A passage runs to the next one (or the question): retrieved chunks hold line breaks ("Iron\n\nIron is …").
            var before = prompt[..questionAt];
            var starts = NumberedPassage().Matches(before);
            var passages = starts.Select((m, i) => (m.Groups["passage"].Value + before[(m.Index + m.Length)..(i + 1 < starts.Count ? starts[i + 1].Index : before.Length)]).Trim())
                .Where(p => p.Length > 0).ToList();
            return passages.Count > 0 ? string.Join("\n", passages) : null;
        }
        var start = headers[0].Index + headers[0].Length;
        var context = prompt[start..questionAt].Trim();
        return context.Length > 0 ? context : null;
    }

    private static List<AgentStep> ParseSteps(string transcript)
    {
        var steps = new List<AgentStep>();
        var actions = ActionLine().Matches(transcript);
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            var end = i + 1 < actions.Count ? actions[i + 1].Index : transcript.Length;
            var between = transcript[(action.Index + action.Length)..end];
            var observation = ObservationHeader().Match(between);
            string? observed = null;
            if (observation.Success)
            {
                var rest = between[(observation.Index + observation.Length)..];
                var next = AnyStepHeader().Match(rest);
                observed = (next.Success ? rest[..next.Index] : rest).Trim();
            }
            steps.Add(new AgentStep(action.Groups["tool"].Value.ToLowerInvariant(), action.Groups["input"].Value.Trim(), observed));
        }
        return steps;
    }

    private static string LastParagraph(string prompt)
    {
        var paragraphs = prompt.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return paragraphs.Length > 0 ? paragraphs[^1] : prompt;
    }
}

/// <summary>How the prompt asks for actions: "Action: tool[input]" (ReAct), with "finish[answer]", or "Action Input:" lines.</summary>
public enum ToolSyntax
{
    Brackets,
    BracketsWithFinish,
    ActionInput,
}
