namespace LlmLab.Evaluation.Methods;

/// <summary>The stored worked examples cot_few_shot shows before the question (one per kind of shipped dataset).</summary>
public static class FewShotExamples
{
    public sealed record Example(string Question, string Reasoning, string Answer);

    public static readonly IReadOnlyList<Example> All =
    [
        new("Mia has 14 stickers and buys 3 packs of 5 more. How many stickers does she have?",
            "She buys 3 * 5 = 15 stickers. 14 + 15 = 29.", "29"),
        new("What is the chemical symbol of sodium?",
            "Sodium's symbol comes from its Latin name natrium, so it is Na.", "Na"),
        new("What is the sum of the atomic numbers of helium and carbon?",
            "The atomic number of helium is 2. The atomic number of carbon is 6. 2 + 6 = 8.", "8"),
    ];
}
