using System.Globalization;

namespace LlmLab.LlmIntegration.Budgets;

/// <summary>The calendar periods (UTC) a tenant's spend is summed over; each has its own key and threshold.</summary>
public enum BudgetPeriod
{
    Daily,
    Weekly,
    Monthly,
}

public static class BudgetPeriods
{
    public static readonly BudgetPeriod[] All = [BudgetPeriod.Daily, BudgetPeriod.Weekly, BudgetPeriod.Monthly];

    /// <summary>The period's label at a time: 2026-11-28, 2026-W48 (ISO week), 2026-11.</summary>
    public static string Label(this BudgetPeriod period, DateTimeOffset at) => period switch
    {
        BudgetPeriod.Daily => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        BudgetPeriod.Weekly => $"{ISOWeek.GetYear(at.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(at.UtcDateTime):00}",
        _ => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };

    /// <summary>How long a period's counter is kept: past its end, with a day to spare.</summary>
    public static TimeSpan Retention(this BudgetPeriod period) => period switch
    {
        BudgetPeriod.Daily => TimeSpan.FromDays(2),
        BudgetPeriod.Weekly => TimeSpan.FromDays(8),
        _ => TimeSpan.FromDays(32),
    };
}
