using LlmLab.Knowledge.Ingestion;

namespace LlmLab.UnitTests.Knowledge;

public class ChunkerTests
{
    private static readonly string Sentences = string.Join(" ", Enumerable.Range(1, 40).Select(i => $"This is sentence {i} of the text."));

    [Fact]
    public void Chunks_stay_within_the_size_and_cover_every_word()
    {
        var chunks = Chunker.Split([new ExtractedPage(0, Sentences)], size: 120, overlap: 30);
        Assert.All(chunks, c => Assert.InRange(c.Text.Length, 1, 120));
        var covered = string.Join(" ", chunks.Select(c => c.Text));
        foreach (var i in Enumerable.Range(1, 40)) Assert.Contains($"sentence {i} ", covered, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunks_end_at_sentence_ends_and_consecutive_chunks_overlap()
    {
        var chunks = Chunker.Split([new ExtractedPage(0, Sentences)], size: 120, overlap: 40);
        Assert.All(chunks.SkipLast(1), c => Assert.EndsWith(".", c.Text, StringComparison.Ordinal));
        for (var i = 1; i < chunks.Count; i++)
        {
            var tail = chunks[i - 1].Text[^15..];
            Assert.Contains(tail, chunks[i].Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Zero_overlap_repeats_nothing()
    {
        var chunks = Chunker.Split([new ExtractedPage(0, Sentences)], size: 100, overlap: 0);
        Assert.Equal(Chunker.Normalise(Sentences).Replace(" ", "", StringComparison.Ordinal),
            string.Concat(chunks.Select(c => c.Text)).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Chunks_never_span_pages_and_keep_their_page_number()
    {
        var chunks = Chunker.Split([new ExtractedPage(1, "Alpha page text."), new ExtractedPage(2, "Beta page text.")], size: 500, overlap: 0);
        Assert.Equal([(1, "Alpha page text."), (2, "Beta page text.")], chunks.Select(c => (c.Page, c.Text)));
    }

    [Fact]
    public void A_word_longer_than_the_size_is_cut_and_the_split_still_ends()
    {
        var chunks = Chunker.Split([new ExtractedPage(0, new string('x', 250))], size: 100, overlap: 20);
        Assert.Equal(3, chunks.Count);
        Assert.All(chunks, c => Assert.InRange(c.Text.Length, 1, 100));
    }

    [Fact]
    public void Whitespace_is_normalised_and_blank_pages_make_no_chunks()
    {
        Assert.Equal("a b\nc\n\nd", Chunker.Normalise("  a \t b\r\nc\n\n\n\n d  "));
        Assert.Empty(Chunker.Split([new ExtractedPage(3, " \n\t ")], 100, 10));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(100, -1)]
    [InlineData(100, 100)]
    public void Impossible_settings_are_refused(int size, int overlap) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Chunker.Split([new ExtractedPage(0, "text")], size, overlap));
}
