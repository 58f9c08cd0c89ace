using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Search;

/// <summary>
/// Moves every running search forward a few times a second (Batch:SearchPollMilliseconds, 500). Everything a search
/// needs is in the database, so after a restart the searches simply continue; several replicas may run this at once.
/// </summary>
public sealed class SearchDriver(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<SearchDriver> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(configuration.GetValue("Batch:SearchPollMilliseconds", 500)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            List<Guid> running;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                running = await scope.ServiceProvider.GetRequiredService<BatchDbContext>().Searches.AsNoTracking()
                    .Where(s => s.State == ParameterSearchState.Running).Select(s => s.Id).ToListAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not list the running parameter searches; trying again shortly");
                continue;
            }
            foreach (var id in running)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<SearchStepper>().StepAsync(id, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Parameter search {SearchId}: the step failed; trying again shortly", id);
                }
            }
        }
    }
}
