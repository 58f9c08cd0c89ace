using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.ServiceKit;

/// <summary>The ?page=&amp;page_size= rules every list shares: a 400 naming the parameter, or null when they are fine.</summary>
public static class Paging
{
    public static ProblemHttpResult? Invalid(int page, int pageSize, int maxPageSize = 500) =>
        page < 1 ? Problems.Invalid("page", "must be at least 1.", StatusCodes.Status400BadRequest)
        : pageSize < 1 || pageSize > maxPageSize ? Problems.Invalid("page_size", $"must be between 1 and {maxPageSize}.", StatusCodes.Status400BadRequest)
        : null;
}
