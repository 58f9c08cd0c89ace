namespace LlmLab.ServiceKit;

/// <summary>One page of a list: {items, total, page, page_size}.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>A whole, short list (no pages): {items}. An object, never a bare array, so fields can be added later.</summary>
public sealed record ItemList<T>(IReadOnlyList<T> Items);
