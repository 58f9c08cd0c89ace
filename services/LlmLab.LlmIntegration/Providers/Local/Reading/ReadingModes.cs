namespace LlmLab.LlmIntegration.Providers.Local.Reading;

/// <summary>
/// Decides whether a prompt is answered by reading rather than generating: an agent transcript gets its next step, a
/// question with a context gets a span from that context; anything else (null) goes to the n-gram generator.
/// </summary>
public static class ReadingModes
{
    public const string Unanswerable = "I don't know";

    public static string? Respond(string prompt, double temperature, Random random)
    {
        var layout = PromptLayout.Read(prompt);
        if (layout.IsAgent) return AgentResponder.Respond(layout, temperature, random);
        if (layout.Context is not null) return ExtractiveReader.Answer(layout.Context, layout.Question, temperature, random) ?? Unanswerable;
        return null;
    }
}
