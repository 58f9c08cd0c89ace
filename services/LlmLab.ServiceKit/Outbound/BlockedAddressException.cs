namespace LlmLab.ServiceKit.Outbound;

/// <summary>An outbound call (to a provider, to a webhook) refused before connecting: its host resolved to an address the outbound policy blocks.</summary>
public sealed class BlockedAddressException(string host, string address, string reason)
    : Exception($"{host} resolves to {address} ({reason}), which outbound calls may not reach; an operator can allow it in the service's Outbound settings")
{
    public string Host { get; } = host;
}
