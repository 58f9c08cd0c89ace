namespace LlmLab.ServiceKit;

/// <summary>One page of a list: {items, total, page, page_size}.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
