namespace LlmLab.Optimization;

/// <summary>The strategies by the names the API takes.</summary>
public static class SearchStrategies
{
    public const string SuccessiveHalving = "successive_halving";
    public const string Bayesian = "bayesian";

    public static IReadOnlyList<string> Names { get; } = [SuccessiveHalving, Bayesian];

    public static ISearchStrategy? Create(string name) => name switch
    {
        SuccessiveHalving => new SuccessiveHalving(),
        Bayesian => new BayesianOptimization(),
        _ => null,
    };
}
