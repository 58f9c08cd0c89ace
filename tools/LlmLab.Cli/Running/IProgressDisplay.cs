namespace LlmLab.Cli.Running;

/// <summary>Shows a run's progress while <c>work</c> polls it: a live bar on a terminal, plain lines otherwise.</summary>
public interface IProgressDisplay
{
    Task<T> ShowAsync<T>(string title, Func<Action<ProgressUpdate>, Task<T>> work);
}
