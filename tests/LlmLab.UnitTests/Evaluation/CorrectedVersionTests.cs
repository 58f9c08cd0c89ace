extern alias evaluation;
using evaluation::LlmLab.Evaluation.Datasets;
using evaluation::LlmLab.Evaluation.Domain;

namespace LlmLab.UnitTests.Evaluation;

/// <summary>People's corrected answers as the reference answers of a dataset's next version.</summary>
public class CorrectedVersionTests
{
    private static DatasetItem Item(string key, int position, params string[] answers) =>
        new() { Key = key, Question = $"Question {key}?", Position = position, Answers = [.. answers], Metadata = new() { ["topic"] = "t" } };

    private static readonly DateTimeOffset At = new(2026, 11, 29, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_corrected_answer_becomes_the_only_reference_and_the_other_items_stay_in_order()
    {
        var (items, changes) = CorrectedVersion.Build([Item("b", 1, "Lyon"), Item("a", 0, "Paris", "paris")],
            [new("b", " Marseille ", At)]);
        Assert.Equal(["a", "b"], items.Select(i => i.Id));
        Assert.Equal(["Paris", "paris"], items[0].Answers);
        Assert.Equal(["Marseille"], items[1].Answers);
        Assert.Equal("t", items[1].Metadata["topic"]);
        var change = Assert.Single(changes);
        Assert.Equal(("b", "Marseille"), (change.ItemId, change.ReferenceAnswer));
        Assert.Equal(["Lyon"], change.PreviousAnswers);
    }

    [Fact]
    public void Of_several_corrections_of_one_item_the_latest_wins()
    {
        var (items, changes) = CorrectedVersion.Build([Item("a", 0, "1")], [new("a", "2", At), new("a", "3", At.AddMinutes(1)), new("a", "4", At.AddMinutes(-1))]);
        Assert.Equal(["3"], items[0].Answers);
        Assert.Single(changes);
    }

    [Fact]
    public void A_correction_equal_to_the_reference_blank_or_of_an_unknown_item_changes_nothing()
    {
        var (items, changes) = CorrectedVersion.Build([Item("a", 0, "Paris")], [new("a", "Paris", At), new("zz", "Rome", At), new("a", "  ", At.AddHours(1))]);
        Assert.Empty(changes);
        Assert.Equal(["Paris"], items[0].Answers);
    }
}
