using Spectre.Console;

namespace LlmLab.Cli.Running;

/// <summary>A live Spectre.Console progress bar on the terminal.</summary>
public sealed class LiveProgress(IAnsiConsole console) : IProgressDisplay
{
    public Task<T> ShowAsync<T>(string title, Func<Action<ProgressUpdate>, Task<T>> work) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 100);
                var result = await work(update =>
                {
                    task.Value = update.Percent;
                    task.Description = Markup.Escape($"{title}: {update.Status} {update.Done}/{update.Total}" + (update.Failed > 0 ? $", {update.Failed} failed" : ""));
                });
                task.StopTask();
                return result;
            });
}
