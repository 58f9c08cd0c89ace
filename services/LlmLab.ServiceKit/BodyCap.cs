using Microsoft.AspNetCore.Builder;

namespace LlmLab.ServiceKit;

/// <summary>
/// The largest request body an endpoint reads, in bytes. Endpoints without one get <see cref="RequestGuard.DefaultBodyCap"/>
/// (or <c>Requests:MaxBodyBytes</c> from configuration); a bigger body is a 413 naming <c>body</c>.
/// </summary>
public sealed record BodyCapMetadata(long MaxBytes);

public static class BodyCap
{
    public static TBuilder WithBodyCap<TBuilder>(this TBuilder builder, long maxBytes) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new BodyCapMetadata(maxBytes));
        return builder;
    }
}
