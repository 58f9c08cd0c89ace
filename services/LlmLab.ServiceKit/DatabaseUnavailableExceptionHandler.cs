using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace LlmLab.ServiceKit;

/// <summary>
/// When the database stays unreachable past the retries (PostgreSQL down or restarting), the answer is a 503 with
/// Retry-After, not a 500: the request did nothing and can be sent again.
/// </summary>
internal sealed class DatabaseUnavailableExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var database = exception switch
        {
            RetryLimitExceededException { InnerException: NpgsqlException inner } => inner,
            NpgsqlException { IsTransient: true } npgsql => npgsql,
            PostgresException { SqlState: "57P01" or "57P02" or "57P03" } shutdown => shutdown,
            _ => null,
        };
        if (database is null || httpContext.Response.HasStarted) return false;

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database is unavailable.",
                Detail = "The service could not reach its database; nothing was changed. Try again shortly.",
            },
        });
    }
}
