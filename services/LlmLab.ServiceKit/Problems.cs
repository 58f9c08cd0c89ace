using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.ServiceKit;

/// <summary>problem+json answers that name the field at fault.</summary>
public static class Problems
{
    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors, int status = StatusCodes.Status422UnprocessableEntity) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = status,
            Title = "One or more fields are invalid.",
            Detail = string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
        });

    public static ProblemHttpResult Invalid(string field, string message, int status = StatusCodes.Status422UnprocessableEntity) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] }, status);

    public static ProblemHttpResult NotFound(string what, object id) =>
        TypedResults.Problem(title: $"{what} not found", detail: $"No {what.ToLowerInvariant()} with id {id}.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>503: a service this request needs does not answer; <c>dependency</c> names it.</summary>
    public static ProblemHttpResult Unavailable(string dependency, string detail) =>
        TypedResults.Problem(title: "Dependency unavailable", detail: $"{dependency} is not available. {detail}",
            statusCode: StatusCodes.Status503ServiceUnavailable, extensions: new Dictionary<string, object?> { ["dependency"] = dependency });

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(title: "Conflict", detail: detail, statusCode: StatusCodes.Status409Conflict);
}
