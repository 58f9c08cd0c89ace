using LlmLab.Quality.Metrics.Reference;

namespace LlmLab.UnitTests.Quality;

/// <summary>rouge-score's own tests (rouge_scorer_test.py, its testdata) for RougeScorer(['rougeL']).</summary>
public class RougeLTests
{
    private static double F(string target, string prediction, bool stem = false) =>
        RougeL.FMeasure(RougeL.Tokenize(target, stem), RougeL.Tokenize(prediction, stem))!.Value;

    [Theory]
    [InlineData("testing one two", "testing one", 0.8)]
    [InlineData("testing one two", "testing two", 0.8)]
    [InlineData("testing one two", "", 0)]
    [InlineData("w1 w2 w3 w4 w5", "/", 0)]
    public void Worked_examples_of_rouge_score(string target, string prediction, double expected) =>
        Assert.Equal(expected, F(target, prediction), 12);

    // rouge/testdata target.txt and prediction.txt, first two lines; ROUGE-1.5.5's figures in rouge_scorer_test.py.
    [Theory]
    [InlineData("ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY.rFDJCRing Ht-LM EKBDXkME,yz'RBr q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer tKM L\n",
        "rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxi\n", 0.51163)]
    [InlineData("KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMtion psing sbKao Q m qiing LMmer HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing tQ.saefZwJtKrTlixYpMMsJing UCAPwNHeYVjDing c T BUySKtion gMPfJpwGw p'NvxAoping eu pBwMBKV'I DNxqelhu,PHPxDEq,mtion SN\n",
        "n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m qier LMmed HqqLFXe,XPY,J XsurkMeo ,ed nB'wH'bWVHjWFEer tQ.saefZwJtKrTlixYpMMNJtion UCAPwNHeYVjD\n", 0.50000)]
    public void Agrees_with_rouge_1_5_5_on_the_test_data(string target, string prediction, double expected) =>
        Assert.Equal(expected, F(target, prediction), 5);

    [Fact]
    public void Tokenizer_keeps_only_lower_case_ascii_letters_and_digits()
    {
        Assert.Equal(["the", "u", "s", "a", "is", "well", "known", "1", "000", "caf"], RougeL.Tokenize("The U.S.A. is well-known: 1,000 café", stem: false));
        // Python lower-cases "İ" to "i" + a combining dot, and the Kelvin sign to "k".
        Assert.Equal(["i", "stanbul", "k"], RougeL.Tokenize("İstanbul \u212A", stem: false));
    }

    [Fact]
    public void Articles_count_unlike_in_squad() => Assert.True(F("the cat", "a cat") < 1);

    [Fact]
    public void The_stemmer_applies_only_to_tokens_longer_than_three_characters()
    {
        // NLTK alone stems "was" to "wa"; rouge-score leaves tokens of three characters or fewer alone.
        Assert.Equal(["was", "gener", "run", "cat", "poni"], RougeL.Tokenize("was Generous running cats ponies", stem: true));
        Assert.Equal(["was", "generous", "running", "cats", "ponies"], RougeL.Tokenize("was Generous running cats ponies", stem: false));
        Assert.True(F("The cats were running", "the cat was runs", stem: true) > F("The cats were running", "the cat was runs"));
    }
}
