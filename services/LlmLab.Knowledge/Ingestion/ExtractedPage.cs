namespace LlmLab.Knowledge.Ingestion;

/// <summary>The text of one page (1-based), or of the whole document with page 0 when the format has no pages.</summary>
public sealed record ExtractedPage(int Page, string Text);

/// <summary>What an extractor read: the pages' text, the page count for paged formats, a title when the file has one.</summary>
public sealed record ExtractedDocument(IReadOnlyList<ExtractedPage> Pages, int? PageCount, string? Title = null);
