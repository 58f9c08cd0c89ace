using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.ServiceKit;

/// <summary>The ?page=&amp;page_size= rules every list shares: a 400 naming the parameter, or null when they are fine.</summary>
public static class Paging
{
    /// <summary>Pages beyond this are refused: the offset (page − 1) × page_size must stay a 32-bit number.</summary>
    public static int MaxPage(int pageSize) => int.MaxValue / Math.Max(1, pageSize);

    public static ProblemHttpResult? Invalid(int page, int pageSize, int maxPageSize = 500) =>
        pageSize < 1 || pageSize > maxPageSize ? Problems.Invalid("page_size", $"must be between 1 and {maxPageSize}.", StatusCodes.Status400BadRequest)
        : page < 1 || page > MaxPage(pageSize) ? Problems.Invalid("page", $"must be between 1 and {MaxPage(pageSize)} for page_size {pageSize}.", StatusCodes.Status400BadRequest)
        : null;
}
