using LlmLab.Evaluation.Clients;
using Microsoft.Extensions.AI;

namespace LlmLab.Evaluation.Agent;

/// <summary>The chat client a native agent talks to: the evaluation's model through llm-integration (a seam for tests).</summary>
public class AgentChatClients(ModelClient model)
{
    public virtual IChatClient For(Domain.Evaluation evaluation, Usage usage) => new LlmServiceChatClient(model, evaluation, usage);
}
