namespace LlmLab.Optimization;

/// <summary>An adaptive search over a grid: from what the calls so far gave, the next calls to make, or stop.</summary>
public interface ISearchStrategy
{
    /// <summary>Never asks for more calls than <see cref="SearchProgress.CallsLeft"/>, nor more of a configuration than the space allows.</summary>
    SearchStep Next(SearchSpace space, SearchProgress progress);
}
