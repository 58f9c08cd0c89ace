namespace LlmLab.Knowledge.Ingestion;

/// <summary>An upload that cannot be ingested, with the 4xx status to answer; always about the field <c>file</c>.</summary>
public sealed class DocumentRejectedException(string message, int status = 422, Exception? inner = null) : Exception(message, inner)
{
    public int Status { get; } = status;
}
