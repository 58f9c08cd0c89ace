namespace LlmLab.ServiceKit.Outbound;

/// <summary>
/// Which addresses outbound calls (providers: "Llm:Outbound"; webhooks: "Webhooks:Outbound") may reach besides the public internet. Everything
/// below is off by default; an operator turns on what a deployment needs (a local Ollama, a vLLM in the same network).
/// </summary>
public sealed class OutboundOptions
{
    /// <summary>127.0.0.0/8 and ::1.</summary>
    public bool AllowLoopback { get; set; }
    /// <summary>10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT) and fc00::/7.</summary>
    public bool AllowPrivateNetworks { get; set; }
    /// <summary>Networks allowed whatever their kind, in CIDR notation ("127.0.0.1/32", "10.20.0.0/16").</summary>
    public List<string> AllowedNetworks { get; set; } = [];
    /// <summary>Host names trusted whatever they resolve to (an operator's own internal endpoints).</summary>
    public List<string> AllowedHosts { get; set; } = [];
}
