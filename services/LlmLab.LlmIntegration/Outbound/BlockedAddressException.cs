namespace LlmLab.LlmIntegration.Outbound;

/// <summary>A provider call refused before connecting: its host resolved to an address the outbound policy blocks.</summary>
public sealed class BlockedAddressException(string host, string address, string reason)
    : Exception($"{host} resolves to {address} ({reason}), which provider calls may not reach; an operator can allow it under Llm:Outbound")
{
    public string Host { get; } = host;
}
