namespace LlmLab.Evaluation.Clients;

/// <summary>What a method's model calls cost together: tokens, dollars, and how many calls.</summary>
public sealed class Usage
{
    public int PromptTokens { get; private set; }
    public int CompletionTokens { get; private set; }
    public double CostUsd { get; private set; }
    public int Calls { get; private set; }

    public void Add(LlmLab.Contracts.Llm.GenerateReply reply)
    {
        PromptTokens += reply.PromptTokens;
        CompletionTokens += reply.CompletionTokens;
        CostUsd += reply.CostUsd;
        Calls++;
    }
}
