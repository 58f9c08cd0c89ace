using System.Net;

namespace LlmLab.Cli.Platform;

/// <summary>The platform refused a call or could not be reached; <see cref="Status"/> is null when no answer came.</summary>
public sealed class PlatformException(HttpStatusCode? status, string message) : Exception(message)
{
    public HttpStatusCode? Status { get; } = status;

    /// <summary>A 400/422: the platform refused what the run file or command asked for.</summary>
    public bool IsRefusedInput => Status is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity;
}
