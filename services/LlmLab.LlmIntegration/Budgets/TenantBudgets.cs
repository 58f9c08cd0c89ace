using System.Globalization;
using System.Text.Json;
using LlmLab.Contracts.Messages;
using LlmLab.ServiceKit;
using MassTransit;
using StackExchange.Redis;

namespace LlmLab.LlmIntegration.Budgets;

/// <summary>
/// Each tenant's LLM spend per day, ISO week and month (Redis counters every replica adds to), its thresholds, and the
/// alerts recorded when spend crosses one. With <see cref="BudgetSettings.RefuseWhenExceeded"/> new work is refused.
/// </summary>
public sealed class TenantBudgets(IConnectionMultiplexer redis, TimeProvider time, IBus bus, ILogger<TenantBudgets> logger)
{
    private const int AlertsKept = 100;

    private static RedisKey SettingsKey(string tenant) => $"llmlab:{tenant}:budget";
    private static RedisKey SpendKey(string tenant, BudgetPeriod period, string label) => $"llmlab:{tenant}:spend:{period}:{label}";
    private static RedisKey AlertedKey(string tenant, BudgetPeriod period, string label) => $"llmlab:{tenant}:budget-alerted:{period}:{label}";
    private static RedisKey AlertsKey(string tenant) => $"llmlab:{tenant}:budget-alerts";

    public async Task<BudgetSettings> SettingsAsync(string tenant)
    {
        var stored = await redis.GetDatabase().StringGetAsync(SettingsKey(tenant));
        return stored.HasValue ? JsonSerializer.Deserialize<BudgetSettings>(stored.ToString(), ServiceKitExtensions.Json)! : BudgetSettings.None;
    }

    public Task SaveAsync(string tenant, BudgetSettings settings) =>
        redis.GetDatabase().StringSetAsync(SettingsKey(tenant), JsonSerializer.Serialize(settings, ServiceKitExtensions.Json));

    /// <summary>Adds a call's cost to every period and records an alert the first time a period passes its threshold.</summary>
    public async Task RecordAsync(string tenant, double costUsd)
    {
        if (costUsd <= 0 || string.IsNullOrEmpty(tenant)) return;
        var now = time.GetUtcNow();
        var db = redis.GetDatabase();
        var batch = db.CreateBatch();
        var totals = BudgetPeriods.All.Select(p => (Period: p, Total: batch.StringIncrementAsync(SpendKey(tenant, p, p.Label(now)), costUsd))).ToList();
        var expiries = BudgetPeriods.All.Select(p => batch.KeyExpireAsync(SpendKey(tenant, p, p.Label(now)), p.Retention())).ToList();
        batch.Execute();
        await Task.WhenAll(expiries);
        var settings = await SettingsAsync(tenant);
        foreach (var (period, total) in totals)
        {
            var threshold = settings.ThresholdOf(period);
            if (threshold is not > 0 || await total < threshold) continue;
            var label = period.Label(now);
            if (!await db.StringSetAsync(AlertedKey(tenant, period, label), "1", period.Retention(), When.NotExists)) continue;
            var alert = new BudgetAlert(period, label, threshold.Value, await total, now);
            await db.ListLeftPushAsync(AlertsKey(tenant), JsonSerializer.Serialize(alert, ServiceKitExtensions.Json));
            await db.ListTrimAsync(AlertsKey(tenant), 0, AlertsKept - 1);
            await PublishAsync(tenant, alert);
        }
    }

    /// <summary>
    /// Tells analytics (alerts, webhooks). Published directly: this service keeps no database for an outbox, so a
    /// publish that fails while RabbitMQ is down is logged and the alert stays only in the budget status.
    /// </summary>
    private async Task PublishAsync(string tenant, BudgetAlert alert)
    {
        try
        {
            await bus.Publish(new BudgetThresholdCrossed(tenant, alert.Period.ToString().ToLowerInvariant(), alert.PeriodLabel, alert.ThresholdUsd,
                alert.SpentUsd, alert.At));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The {Period} budget alert of tenant {Tenant} was not published", alert.Period, tenant);
        }
    }

    public async Task<BudgetStatus> StatusAsync(string tenant)
    {
        var now = time.GetUtcNow();
        var db = redis.GetDatabase();
        var settings = await SettingsAsync(tenant);
        var spend = new Dictionary<BudgetPeriod, double>();
        foreach (var period in BudgetPeriods.All)
        {
            var value = await db.StringGetAsync(SpendKey(tenant, period, period.Label(now)));
            spend[period] = value.HasValue ? double.Parse(value.ToString(), CultureInfo.InvariantCulture) : 0;
        }
        var exceeded = BudgetPeriods.All
            .Where(p => settings.ThresholdOf(p) is > 0 && spend[p] >= settings.ThresholdOf(p))
            .Select(p => p.ToString().ToLowerInvariant())
            .ToList();
        var alerts = (await db.ListRangeAsync(AlertsKey(tenant), 0, AlertsKept - 1))
            .Select(a => JsonSerializer.Deserialize<BudgetAlert>(a.ToString(), ServiceKitExtensions.Json)!)
            .ToList();
        return new BudgetStatus(settings, Math.Round(spend[BudgetPeriod.Daily], 6), Math.Round(spend[BudgetPeriod.Weekly], 6),
            Math.Round(spend[BudgetPeriod.Monthly], 6), exceeded, settings.RefuseWhenExceeded && exceeded.Count > 0, alerts);
    }

    /// <summary>Deletes the tenant's thresholds, alerts and every spend counter still kept (each period's retention back from now).</summary>
    public async Task EraseAsync(string tenant)
    {
        var now = time.GetUtcNow();
        var keys = new List<RedisKey> { SettingsKey(tenant), AlertsKey(tenant) };
        foreach (var period in BudgetPeriods.All)
        {
            for (var back = TimeSpan.Zero; back <= period.Retention(); back += TimeSpan.FromDays(1))
            {
                var label = period.Label(now - back);
                keys.Add(SpendKey(tenant, period, label));
                keys.Add(AlertedKey(tenant, period, label));
            }
        }
        await redis.GetDatabase().KeyDeleteAsync(keys.Distinct().ToArray());
    }

    /// <summary>Why new work is refused, or null: only when the tenant asked for refusal and a threshold is passed.</summary>
    public async Task<string?> RefusalAsync(string tenant)
    {
        var settings = await SettingsAsync(tenant);
        if (!settings.RefuseWhenExceeded) return null;
        var status = await StatusAsync(tenant);
        return status.Refusing ? $"The {string.Join(", ", status.Exceeded)} LLM budget of this tenant is spent; raise it or wait for the next period." : null;
    }
}

public sealed record BudgetSettings(double? DailyUsd, double? WeeklyUsd, double? MonthlyUsd, bool RefuseWhenExceeded)
{
    public static readonly BudgetSettings None = new(null, null, null, false);

    public double? ThresholdOf(BudgetPeriod period) => period switch
    {
        BudgetPeriod.Daily => DailyUsd,
        BudgetPeriod.Weekly => WeeklyUsd,
        _ => MonthlyUsd,
    };
}

public sealed record BudgetAlert(BudgetPeriod Period, string PeriodLabel, double ThresholdUsd, double SpentUsd, DateTimeOffset At);

public sealed record BudgetStatus(BudgetSettings Settings, double SpentTodayUsd, double SpentThisWeekUsd, double SpentThisMonthUsd,
    IReadOnlyList<string> Exceeded, bool Refusing, IReadOnlyList<BudgetAlert> Alerts);
