namespace LlmLab.Contracts.Messages;

/// <summary>Event: the responses of one recorded chunk were generated, scored and stored; each keeps its own response id.</summary>
public sealed record ResponsesScored(IReadOnlyList<ResponseScored> Responses);
